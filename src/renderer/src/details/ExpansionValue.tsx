/**
 * The Summary's expansion block of a claim (shared/model/summary.ts ExpansionView): the four sizes (requested,
 * actual, allocated, the volume's), the resize state with the verbatim status and conditions, and who acts next
 * (the external-resizer with its Lease, the kubelet on a node, or the user), in the UI language. Sizes are worded
 * through Intl (format/bytes.ts), the exact quantity on hover; names and messages are the cluster's, verbatim.
 */
import type { ExpansionActor, ExpansionView, SizeValue } from '../../../shared/model/summary';
import { verbatim } from '../../../shared/verbatim';
import { ObjectLink } from '../components/ObjectLink';
import { WholeWords } from '../components/WholeWords';
import { formatBytes } from '../format/bytes';
import { ago } from '../format/time';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useNow } from '../state/clock';

const SIZES = [
  ['requested', 'expansion.requested'],
  ['capacity', 'expansion.capacity'],
  ['allocated', 'expansion.allocated'],
  ['volume', 'expansion.volume'],
] as const satisfies readonly (readonly [keyof ExpansionView, MessageKey])[];

/** States that need someone's hand are toned as the findings are. */
const TONE: Partial<Record<ExpansionView['state'], string>> = {
  'controller-infeasible': 'tone-text-bad',
  'node-infeasible': 'tone-text-bad',
  'controller-error': 'tone-text-bad',
  'node-error': 'tone-text-bad',
  waiting: 'tone-wait',
  'node-pending': 'tone-wait',
  done: 'tone-ok',
};

function Size({ size }: { size: SizeValue }) {
  const i18n = useI18n();
  return (
    <span title={size.quantity} translate="no">
      {size.bytes === undefined ? size.quantity : formatBytes(size.bytes, i18n)}
    </span>
  );
}

function NextActor({ next }: { next: ExpansionActor }) {
  const { t, lang } = useI18n();
  const now = useNow();
  switch (next.kind) {
    case 'external-resizer': {
      const key: MessageKey = next.lease === 'held' ? 'expansion.next.resizer.held' : next.lease === 'stale' ? 'expansion.next.resizer.stale' : next.lease === 'not-found' ? 'expansion.next.resizer.notFound' : 'expansion.next.resizer.unreadable';
      return (
        <span className={next.lease === 'held' ? undefined : 'tone-text-bad'}>
          {t(key, { driver: verbatim(next.driver), holder: verbatim(next.holder ?? ''), ago: next.renewedAt ? ago(next.renewedAt, now, { t, lang }) : '' })}
          {next.leaseRef && (
            <span className="muted small-text">
              {' · '}
              <ObjectLink target={next.leaseRef} />
            </span>
          )}
        </span>
      );
    }
    case 'kubelet':
      return (
        <span>
          {next.nodes.length > 0 ? t('expansion.next.kubelet', { nodes: verbatim(next.nodes.join(', ')) }) : t('expansion.next.kubeletNoPod')}
          {next.pods.map((p) => (
            <span key={`${p.namespace}/${p.name}`} className="muted small-text">
              {' · '}
              <ObjectLink target={p} />
            </span>
          ))}
        </span>
      );
    case 'user':
      return <span className="tone-text-bad">{next.minimum ? t('expansion.next.user', { minimum: verbatim(next.minimum.quantity) }) : t('expansion.next.userNoMinimum')}</span>;
    case 'no-resizer':
      return <span>{t('expansion.next.noResizer')}</span>;
    case 'none':
      return <span>{t('expansion.next.none')}</span>;
  }
}

export function ExpansionValue({ expansion }: { expansion: ExpansionView }) {
  const { t } = useI18n();
  return (
    <ul className="summary-items" data-testid="expansion" data-state={expansion.state} data-next={expansion.next.kind}>
      {SIZES.map(([field, label]) => {
        const size = expansion[field] as SizeValue | undefined;
        return size ? (
          <li key={field} data-size={field}>
            <span className="muted">{t(label)}: </span>
            <Size size={size} />
          </li>
        ) : null;
      })}
      <li data-testid="expansion-state">
        <span className="muted">{t('expansion.state')}: </span>
        <span className={TONE[expansion.state]}>{t(`expansion.state.${expansion.state}`)}</span>
        {expansion.resizeStatus && (
          <code className="small-text" translate="no">
            {' '}
            {expansion.resizeStatus}
          </code>
        )}
        {expansion.conditions.map((c) => (
          <div key={c.type} className="summary-condition-message small-text" translate="no">
            <code>{`${c.type}=${c.status}`}</code>
            {c.message && (
              <>
                {': '}
                <WholeWords text={c.message} />
              </>
            )}
          </div>
        ))}
      </li>
      <li data-testid="expansion-next">
        <span className="muted">{t('expansion.next')}: </span>
        <NextActor next={expansion.next} />
      </li>
    </ul>
  );
}
