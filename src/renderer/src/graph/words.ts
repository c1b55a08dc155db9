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
      [t(`graph.type.${node.type}`), verbatim(node.label), node.sublabel ? verbatim(node.sublabel) : undefined, node.zones ? t('graph.zone', { zones: verbatim(node.zones.join(', ')) }) : undefined, node.missing ? t('details.missing') : undefined]
        .filter(Boolean)
        .join(', '),
  };
}
