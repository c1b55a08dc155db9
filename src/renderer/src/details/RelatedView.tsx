/**
 * The Related tab: the storage chain around the object, one group per step (pods, claims, volumes, classes,
 * provisioners, nodes, volumes that almost fit), each link showing its object in its own view, then the events
 * of the chain. Relation names come as codes and are worded here; names and event texts stay verbatim.
 */
import { CHAIN_STEPS, RELATION_STEP, type ChainStep, type RelatedObject } from '../../../shared/model/detail';
import type { Resource } from '../../../shared/kube/resource-registry';
import { refKey } from '../../../shared/model/refs';
import type { EventRow } from '../../../shared/model/rows';
import { ObjectLink } from '../components/ObjectLink';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { EventList } from './EventList';
import { Verbatim } from '../i18n/Verbatim';

const DIFFERENCE_KEYS: Record<string, MessageKey> = {
  size: 'difference.size',
  accessModes: 'difference.accessModes',
  volumeMode: 'difference.volumeMode',
  class: 'difference.class',
  selector: 'difference.selector',
  nodeAffinity: 'difference.nodeAffinity',
  claimRef: 'difference.claimRef',
  released: 'difference.released',
  phase: 'difference.phase',
  deleting: 'difference.deleting',
};

/** The related objects grouped by step of the chain, in chain order; empty steps left out. */
export function groupByStep(related: readonly RelatedObject[]): [ChainStep, RelatedObject[]][] {
  const groups = new Map<ChainStep, RelatedObject[]>();
  for (const r of related) {
    const step = RELATION_STEP[r.relation];
    const group = groups.get(step);
    if (group) group.push(r);
    else groups.set(step, [r]);
  }
  return CHAIN_STEPS.filter((s) => groups.has(s)).map((s) => [s, groups.get(s) ?? []]);
}

export function RelatedView({ related, events }: { related: RelatedObject[]; events: EventRow[] }) {
  const { t } = useI18n();
  return (
    <div className="related" data-testid="related">
      {related.length === 0 && <p className="muted">{t('details.noRelated')}</p>}
      {groupByStep(related).map(([step, items]) => (
        <section key={step} className="related-step" data-testid="related-step" data-step={step} aria-labelledby={`related-step-${step}`}>
          <h3 className="mini-title" id={`related-step-${step}`}>
            {t(`related.step.${step}`)}
          </h3>
          <ul className="related-list">
            {items.map((r, i) => (
              <RelatedItem key={i} item={r} />
            ))}
          </ul>
        </section>
      ))}
      <section className="related-step" data-testid="related-events" aria-labelledby="related-events-title">
        <h3 className="mini-title" id="related-events-title">
          {t('related.events')}
        </h3>
        <EventList events={events} showObject empty="related.noEvents" testId="related-event" />
      </section>
    </div>
  );
}

/** The kind each step's heading already names: its links show just the name (a CSIDriver under Provisioners keeps its kind). */
const STEP_KIND: Partial<Record<ChainStep, Resource>> = {
  pods: 'pods',
  claims: 'persistentvolumeclaims',
  volumes: 'persistentvolumes',
  classes: 'storageclasses',
  nodes: 'nodes',
  'near-misses': 'persistentvolumes',
};

/** The link text: the name alone where the group names the kind, else Kind/name (ObjectLink's default). */
export function relatedLabel(item: RelatedObject): string | undefined {
  if (item.view) return item.ref.name;
  return STEP_KIND[RELATION_STEP[item.relation]] === item.ref.kind ? refKey(item.ref) : undefined;
}

function RelatedItem({ item }: { item: RelatedObject }) {
  const { t, tr } = useI18n();
  const differences = item.differences?.map((d) => (DIFFERENCE_KEYS[d] ? t(DIFFERENCE_KEYS[d]) : d)).join(', ');
  return (
    <li data-testid="related-object" data-relation={item.relation}>
      <span className="related-rel muted small-text">{tr(`relation.${item.relation}`, { via: <Verbatim>{item.via ?? ''}</Verbatim> })}</span>
      <span className="related-target">
        <ObjectLink target={item.ref} missing={item.missing} view={item.view} label={relatedLabel(item)} />
        {item.missing && <span className="tone-text-bad small-text"> ({t('details.missing')})</span>}
        {differences && <span className="related-differs small-text">{t('related.differs', { fields: differences })}</span>}
      </span>
    </li>
  );
}
