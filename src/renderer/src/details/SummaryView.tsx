/**
 * The Summary tab: the basics of an object, field by field, as the core built them (shared/model/summary.ts).
 * Field names, hints and notes are words of the UI; every value is the cluster's, verbatim, and never
 * machine-translated (translate="no"). Hints (what a field means, for a student) can be switched off.
 */
import { useState } from 'react';
import type { SummaryField, SummaryFieldId, SummaryValue } from '../../../shared/model/summary';
import { ObjectLink } from '../components/ObjectLink';
import { ago, dateTime } from '../format/time';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useNow } from '../state/clock';
import { useRememberedFlag } from '../state/remembered-flag';
import { PhaseChip } from '../tables/cells';
import { verbatim } from '../../../shared/verbatim';
import type { Resource } from '../../../shared/kube/resource-registry';
import { WholeWords } from '../components/WholeWords';
import { AttachmentValue } from './AttachmentValue';
import { ExpansionValue } from './ExpansionValue';

/** Fields with a hint: what a student needs to read the value. */
export const HINTS: Partial<Record<SummaryFieldId, MessageKey>> = {
  age: 'hint.age',
  deleting: 'hint.deleting',
  labels: 'hint.labels',
  annotations: 'hint.annotations',
  owners: 'hint.owners',
  finalizers: 'hint.finalizers',
  conditions: 'hint.conditions',
  phase: 'hint.phase',
  requested: 'hint.requested',
  capacity: 'hint.capacity',
  accessModes: 'hint.accessModes',
  volumeMode: 'hint.volumeMode',
  storageClass: 'hint.storageClass',
  volumeName: 'hint.volumeName',
  selector: 'hint.selector',
  dataSource: 'hint.dataSource',
  usedBy: 'hint.usedBy',
  reclaimPolicy: 'hint.reclaimPolicy',
  claimRef: 'hint.claimRef',
  volumeSource: 'hint.volumeSource',
  nodeAffinity: 'hint.nodeAffinity',
  mountOptions: 'hint.mountOptions',
  statusMessage: 'hint.statusMessage',
  provisioner: 'hint.provisioner',
  isDefault: 'hint.isDefault',
  bindingMode: 'hint.bindingMode',
  allowExpansion: 'hint.allowExpansion',
  parameters: 'hint.parameters',
  verdict: 'hint.verdict',
  provisionerType: 'hint.provisionerType',
  leaseRenewed: 'hint.leaseRenewed',
  node: 'hint.node',
  qosClass: 'hint.qosClass',
  claims: 'hint.claims',
  podVolumes: 'hint.podVolumes',
  runAsUser: 'hint.runAsUser',
  fsGroup: 'hint.fsGroup',
  zone: 'hint.zone',
  csiDrivers: 'hint.csiDrivers',
  volumesAttached: 'hint.volumesAttached',
  attachment: 'hint.attachment',
  expansion: 'hint.expansion',
  ephemeralStorage: 'hint.ephemeralStorage',
  attachRequired: 'hint.attachRequired',
  fsGroupPolicy: 'hint.fsGroupPolicy',
  lifecycleModes: 'hint.lifecycleModes',
  readyToUse: 'hint.readyToUse',
  restoreSize: 'hint.restoreSize',
  reportedBy: 'hint.reportedBy',
  count: 'hint.count',
  replicas: 'hint.replicas',
  claimTemplates: 'hint.claimTemplates',
  ordinalPods: 'hint.ordinalPods',
  ordinalClaims: 'hint.ordinalClaims',
  retentionPolicy: 'hint.retentionPolicy',
  quotaHard: 'hint.quotaHard',
  quotaUsed: 'hint.quotaUsed',
  limitItems: 'hint.limitItems',
};

/**
 * A field whose meaning depends on the kind (a pod's phase is not a claim's): its hint for that kind, or null for
 * none; fields not listed take HINTS.
 */
const KIND_HINTS: Partial<Record<Resource, Partial<Record<SummaryFieldId, MessageKey | null>>>> = {
  pods: { phase: 'hint.phase.pod' },
  persistentvolumes: { phase: 'hint.phase.volume' },
  volumeattachments: { node: 'hint.node.attachment' },
  // A capacity object's size and class are of the topology segment, not of a volume.
  csistoragecapacities: { capacity: null, storageClass: null },
};

/** The hint of a field on an object of `kind`. */
export function hintFor(kind: Resource | undefined, field: SummaryFieldId): MessageKey | undefined {
  const own = kind ? KIND_HINTS[kind]?.[field] : undefined;
  if (own === null) return undefined;
  return own ?? HINTS[field];
}

export function SummaryView({ fields, kind }: { fields: SummaryField[]; kind?: Resource }) {
  const { t } = useI18n();
  const [hints, setHints] = useRememberedFlag('kse.summaryHints', true);
  if (fields.length === 0) return <p className="muted">{t('details.noSummary')}</p>;
  return (
    <div className="summary" data-testid="summary">
      <label className="summary-hints-toggle small-text">
        <input type="checkbox" checked={hints} onChange={(e) => setHints(e.target.checked)} data-testid="summary-hints" /> {t('details.hints')}
      </label>
      <dl className="summary-list">
        {fields.map((field) => (
          <SummaryRow key={field.id} field={field} hint={hints ? hintFor(kind, field.id) : undefined} />
        ))}
      </dl>
    </div>
  );
}

function SummaryRow({ field, hint }: { field: SummaryField; hint: MessageKey | undefined }) {
  const { t } = useI18n();
  return (
    <div className="summary-row" data-testid="summary-field" data-field={field.id}>
      <dt>
        <span title={field.path ? t('summary.field', { path: verbatim(field.path) }) : undefined}>{t(`summary.${field.id}`)}</span>
      </dt>
      <dd>
        {field.id === 'phase' && field.value.type === 'text' ? (
          // Coloured as the tables colour it: a Pending claim reads amber before the word is read.
          <span translate="no">
            <PhaseChip phase={field.value.text} />
          </span>
        ) : (
          <SummaryValueView value={field.value} />
        )}
        {field.note && <div className="summary-note small-text">{t(`summary.note.${field.note}`)}</div>}
        {hint && (
          <div className="summary-hint small-text" data-testid="summary-hint">
            {t(hint)}
          </div>
        )}
      </dd>
    </div>
  );
}

/** Values longer than this are folded to a few lines, with a switch to show them whole. */
const LONG_VALUE = 160;

function LongText({ text, code }: { text: string; code?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const long = text.length > LONG_VALUE;
  const Tag = code ? 'code' : 'span';
  return (
    <>
      <Tag className={long && !open ? 'summary-text folded' : 'summary-text'} translate="no">
        <WholeWords text={text} />
      </Tag>
      {long && (
        <button type="button" className="link-button small-text summary-more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('summary.less') : t('summary.more')}
        </button>
      )}
    </>
  );
}

function Time({ at }: { at: string }) {
  const i18n = useI18n();
  const now = useNow();
  const exact = dateTime(at, i18n.lang) || at;
  return (
    <time dateTime={at} title={at}>
      {ago(at, now, i18n) || at} <span className="muted small-text">({exact})</span>
    </time>
  );
}

export function SummaryValueView({ value }: { value: SummaryValue }) {
  const { t, lang } = useI18n();
  const now = useNow();
  switch (value.type) {
    case 'text':
      return <LongText text={value.text} />;
    case 'code':
      return <LongText text={value.text} code />;
    case 'list':
      return (
        <ul className="summary-items" translate="no">
          {value.items.map((item, i) => (
            <li key={i}>
              <code>
                <WholeWords text={item} />
              </code>
            </li>
          ))}
        </ul>
      );
    case 'map':
      return (
        <ul className="summary-items summary-map" translate="no">
          {value.entries.map(([key, v]) => (
            <li key={key}>
              <code className="summary-key">
                <WholeWords text={key} />
              </code>
              <span className="muted">: </span>
              <LongText text={v} code />
            </li>
          ))}
        </ul>
      );
    case 'time':
      return <Time at={value.at} />;
    case 'bool':
      // The app's own yes/no, in the UI language (the YAML tab shows the API's true/false).
      return <span>{t(value.value ? 'col.yes' : 'col.no')}</span>;
    case 'refs':
      return (
        <ul className="summary-items">
          {value.refs.map((r, i) => (
            <li key={i}>
              <ObjectLink target={r.ref} missing={r.missing} view={r.view} label={r.view ? r.ref.name : undefined} />
              {r.missing && <span className="tone-text-bad small-text"> ({t('details.missing')})</span>}
            </li>
          ))}
        </ul>
      );
    case 'owners':
      return (
        <ul className="summary-items">
          {value.owners.map((o, i) => (
            <li key={i}>
              {o.ref ? <ObjectLink target={o.ref} /> : (
                <code translate="no">
                  <WholeWords text={`${o.kind}/${o.name}`} />
                </code>
              )}
              {o.controller && <span className="muted small-text"> · {t('summary.controller')}</span>}
            </li>
          ))}
        </ul>
      );
    case 'conditions':
      return (
        <ul className="summary-items summary-conditions">
          {value.conditions.map((c, i) => (
            <li key={i}>
              <code translate="no">
                <WholeWords text={`${c.type}=${c.status}`} />
              </code>
              {c.reason && (
                <span translate="no" className="strong">
                  {' '}
                  {c.reason}
                </span>
              )}
              {c.lastTransitionTime && (
                <time className="muted small-text" dateTime={c.lastTransitionTime} title={c.lastTransitionTime}>
                  {' '}
                  · {ago(c.lastTransitionTime, now, { t, lang })}
                </time>
              )}
              {c.message && (
                <div className="summary-condition-message">
                  <LongText text={c.message} />
                </div>
              )}
            </li>
          ))}
        </ul>
      );
    case 'verdict':
      return <span className={`verdict v-${value.verdict}`}>{t(`verdict.${value.verdict}`)}</span>;
    case 'provisionerType':
      return <span>{t(`provisionerType.${value.provisionerType}`)}</span>;
    case 'replicas':
      return <span>{t('summary.replicasReady', { wanted: value.wanted, ready: value.ready })}</span>;
    case 'attachment':
      return <AttachmentValue attachments={value.attachments} />;
    case 'expansion':
      return <ExpansionValue expansion={value.expansion} />;
  }
}
