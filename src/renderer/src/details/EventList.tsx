/**
 * Events newest first, warnings marked: of one object (the Events tab), or of a whole chain (Related), where each
 * also names the object it is about.
 */
import type { EventRow } from '../../../shared/model/rows';
import { ObjectLink } from '../components/ObjectLink';
import { UnmodeledObject } from '../components/UnmodeledObject';
import { ago } from '../format/time';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { useNow } from '../state/clock';
import { WholeWords } from '../components/WholeWords';

export function EventList({ events, showObject = false, empty = 'details.noEvents', testId = 'event' }: { events: EventRow[]; showObject?: boolean; empty?: MessageKey; testId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const now = useNow();
  if (events.length === 0) return <p className="muted">{t(empty)}</p>;
  return (
    <ul className="event-list" data-testid={`${testId}-list`}>
      {events.map((e) => (
        <li key={e.uid} className={e.type === 'Warning' ? 'event warning' : 'event'} data-testid={testId} data-reason={e.reason}>
          <div className="event-head">
            <strong translate="no">{e.reason}</strong>
            <span className="muted small-text">
              <Verbatim>{e.type}</Verbatim>
              {e.count > 1 ? ` ${t('details.eventCount', { n: e.count })}` : ''} · {ago(e.lastSeen, now, i18n)}
              {e.source ? (
                <>
                  {' · '}
                  <Verbatim>
                    <WholeWords text={e.source} />
                  </Verbatim>
                </>
              ) : null}
            </span>
          </div>
          {showObject && (e.object || e.unmodeled) && (
            <div className="related-event-object">{e.object ? <ObjectLink target={e.object} /> : e.unmodeled ? <UnmodeledObject target={e.unmodeled} /> : null}</div>
          )}
          <div className="event-message" translate="no">
            <WholeWords text={e.message} />
          </div>
        </li>
      ))}
    </ul>
  );
}
