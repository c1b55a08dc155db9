/** The graph's words in the UI language: node types, edge labels and what a screen reader says for a node. */
import type { GraphEdge, GraphNode } from '../../../shared/model/detail';
import type { Translate } from '../i18n/i18n';
import { verbatim } from '../../../shared/verbatim';
import type { GraphWords } from './layout';

/**
 * An edge says what it means ("uses", "bound to"); an edge the core sent without a relation says its state
 * when it is broken ("mismatch") and nothing when it is bound.
 */
export function graphWords(t: Translate): GraphWords {
  const state = (edge: GraphEdge) => t(`edge.${edge.state}`);
  return {
    edgeLabel: (edge) => {
      // A near-miss volume's edge says what differs, by the fields' last names ("differs: storage, accessModes").
      if (edge.relation === 'near-miss' && edge.differs?.length) return t('graph.differs', { fields: verbatim(edge.differs.map(fieldName).join(', ')) });
      if (edge.relation) return t(`graph.rel.${edge.relation}`);
      if (edge.state === 'bound') return undefined;
      // The rule id is no prose (trial 3): the finding is named in the broken-links list, by its title.
      return state(edge);
    },
    edgeAria: (edge, from, to) =>
      t('graph.edgeAria', {
        from: verbatim(from?.label ?? edge.from),
        to: verbatim(to?.label ?? edge.to),
        what: edge.relation ? t(`graph.rel.${edge.relation}`) : state(edge),
      }),
    nodeLabel: (node: GraphNode) =>
      [node.group ? t('graph.groupCount', { type: t(`graph.type.${node.type}`), n: node.group.count }) : t(`graph.type.${node.type}`), verbatim(node.label), node.sublabel ? verbatim(node.sublabel) : undefined, node.zones ? t('graph.zone', { zones: verbatim(node.zones.join(', ')) }) : undefined, node.missing ? t('details.missing') : undefined]
        .filter(Boolean)
        .join(', '),
  };
}

/** The last part of an API field path: "spec.capacity.storage" -> "storage". */
export function fieldName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/**
 * A name shortened in its middle to `max` characters ("app-waiting-…-claim-7"), keeping both ends, which is where
 * names of one workload differ; the whole name is in the node's tooltip and accessible name. Counted in code
 * points, so a character is never split.
 */
export function middleEllipsis(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
