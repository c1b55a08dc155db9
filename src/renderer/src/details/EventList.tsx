/** Events of one object, newest first, warnings marked. */
import type { EventRow } from '../../../shared/model/rows';
import { ago } from '../format/time';
import { useI18n } from '../i18n/i18n';
import { useNow } from '../state/clock';

export function EventList({ events }: { events: EventRow[] }) {
  const { t } = useI18n();
  const now = useNow(5000);
  if (events.length === 0) return <p className="muted">{t('details.noEvents')}</p>;
  return (
    <ul className="event-list" data-testid="event-list">
      {events.map((e) => (
        <li key={e.uid} className={e.type === 'Warning' ? 'event warning' : 'event'} data-testid="event" data-reason={e.reason}>
          <div className="event-head">
            <strong translate="no">{e.reason}</strong>
            <span className="muted small-text">
              <span translate="no">{e.type}</span>
              {e.count > 1 ? ` ×${e.count}` : ''} · {ago(e.lastSeen, now, t)}
              {e.source ? (
                <>
                  {' · '}
                  <span translate="no">{e.source}</span>
                </>
              ) : null}
            </span>
          </div>
          <div className="event-message" translate="no">
            {e.message}
          </div>
        </li>
      ))}
    </ul>
  );
}
