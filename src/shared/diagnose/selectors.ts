/** Label selectors and node selector terms, evaluated the way the API machinery evaluates them. */
import type { LabelSelector, NodeSelectorTerm } from '../kube/objects';

type Requirement = { key?: string; operator?: string; values?: string[] };

function requirementMatches(req: Requirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const have = Number(value);
      const want = Number(values[0]);
      if (value === undefined || !Number.isInteger(have) || !Number.isInteger(want)) return false;
      return req.operator === 'Gt' ? have > want : have < want;
    }
    default:
      // An unknown operator matches nothing, as the API server would reject it anyway.
      return false;
  }
}

/** Whether labels satisfy a label selector (an empty selector matches everything). */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return true;
  const have = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (have[key] !== value) return false;
  }
  return (selector.matchExpressions ?? []).every((req) => requirementMatches(req, req.key ? have[req.key] : undefined));
}

/** Shows a selector the way kubectl does: "app=db,tier in (a,b)". */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = (req.values ?? []).join(',');
    if (req.operator === 'Exists') parts.push(`${req.key}`);
    else if (req.operator === 'DoesNotExist') parts.push(`!${req.key}`);
    else parts.push(`${req.key} ${(req.operator ?? '').toLowerCase()} (${values})`);
  }
  return parts.join(',');
}

/** A node as far as node affinity is concerned. */
export interface NodeFacts {
  name: string;
  labels: Record<string, string>;
}

/** Whether a node satisfies node selector terms (terms are ORed, expressions within a term ANDed). */
export function nodeMatchesTerms(node: NodeFacts, terms: NodeSelectorTerm[] | undefined): boolean {
  if (!terms || terms.length === 0) return true;
  return terms.some((term) => {
    const expressions = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    // A term with no requirements selects no node (upstream nodeaffinity semantics).
    if (expressions.length === 0 && fields.length === 0) return false;
    return (
      expressions.every((req) => requirementMatches(req, req.key ? node.labels[req.key] : undefined)) &&
      fields.every((req) => requirementMatches(req, req.key === 'metadata.name' ? node.name : undefined))
    );
  });
}

/** Short text of node selector terms, e.g. "kubernetes.io/hostname in (node-1) | zone in (a)". */
export function formatTerms(terms: NodeSelectorTerm[] | undefined): string {
  return (terms ?? [])
    .map((term) =>
      [...(term.matchExpressions ?? []), ...(term.matchFields ?? [])]
        .map((req) => `${req.key} ${(req.operator ?? '').toLowerCase()} (${(req.values ?? []).join(',')})`)
        .join(', '),
    )
    .join(' | ');
}
