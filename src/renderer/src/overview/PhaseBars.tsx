/** Counts by phase as a stacked bar and a legend; clicking a phase opens the table filtered to it. */
import type { TableId } from '../../../shared/model/rows';
import { usePane } from '../state/view-store';
import { usePaneActions } from '../components/pane-context';
import { useI18n } from '../i18n/i18n';
import { phaseTone } from '../tables/cells';

export function PhaseBars({ counts, table }: { counts: Record<string, number>; table: TableId }) {
  const { t } = useI18n();
  const { index } = usePaneActions();
  const [, setPane] = usePane(index);
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return <p className="muted">{t('overview.none')}</p>;
  return (
    <div>
      <div className="stacked-bar" aria-hidden="true">
        {entries.map(([phase, n]) => (
          <span key={phase} className={`seg tone-bg-${phaseTone(phase)}`} style={{ width: `${(n / total) * 100}%` }} />
        ))}
      </div>
      <ul className="phase-legend">
        {entries.map(([phase, n]) => (
          <li key={phase}>
            <button
              type="button"
              className="link-button"
              data-testid={`phase-count-${table}-${phase}`}
              onClick={() => setPane({ view: table, filters: { phase }, search: undefined, sort: undefined, minSeverity: undefined, finding: undefined })}
            >
              <span className={`dot tone-bg-${phaseTone(phase)}`} aria-hidden="true" />
              {/* Phases are the cluster's words (kubectl prints them so): not translated. */}
              <span translate="no">{phase}</span> <strong>{n}</strong>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
