/**
 * What the user may read, asked of the API server itself (SelfSubjectAccessReview / SelfSubjectRulesReview)
 * rather than found out by failing: a kind the user may not list is shown as "no permission", never as empty,
 * and a user who may not list cluster-wide is watched namespace by namespace.
 */
import { DESCRIPTOR_OF_RESOURCE, type Resource } from '../../shared/kube/resource-registry';
import type { ApiClient } from './api-client';

const AUTHZ = '/apis/authorization.k8s.io/v1';

/** One rule of a SelfSubjectRulesReview's `resourceRules`. */
export interface ResourceRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/** True when both list and watch of `resource` in `group` are allowed, on every name. */
export function rulesAllowListWatch(rules: ResourceRule[], group: string, resource: string): boolean {
  const allows = (verb: string): boolean =>
    rules.some(
      (rule) =>
        (rule.resourceNames ?? []).length === 0 &&
        matches(rule.verbs, verb) &&
        matches(rule.apiGroups, group) &&
        matches(rule.resources, resource),
    );
  return allows('list') && allows('watch');
}

function matches(values: string[] | undefined, wanted: string): boolean {
  return (values ?? []).some((value) => value === '*' || value === wanted);
}

/** SelfSubjectAccessReview for list and watch of a kind, cluster-wide (no namespace) or in one namespace. */
export async function mayListWatch(client: ApiClient, kind: Resource, namespace?: string, signal?: AbortSignal): Promise<boolean> {
  const group = DESCRIPTOR_OF_RESOURCE[kind].group;
  const [list, watch] = await Promise.all([review(client, group, kind, 'list', namespace, signal), review(client, group, kind, 'watch', namespace, signal)]);
  return list && watch;
}

async function review(client: ApiClient, group: string, resource: string, verb: string, namespace?: string, signal?: AbortSignal): Promise<boolean> {
  const response = await client.json<{ status?: { allowed?: boolean } }>(`${AUTHZ}/selfsubjectaccessreviews`, {
    method: 'POST',
    signal,
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb, group, resource, ...(namespace ? { namespace } : {}) } },
    },
  });
  return response.status?.allowed === true;
}

/**
 * The kinds (of `candidates`) the user may list and watch in a namespace, from one SelfSubjectRulesReview.
 * When the review is incomplete (an authorizer that cannot enumerate rules) kinds it does not show are checked
 * one by one with access reviews.
 */
export async function readableKindsIn(client: ApiClient, namespace: string, candidates: Resource[], signal?: AbortSignal): Promise<Resource[]> {
  let rules: ResourceRule[] = [];
  let incomplete = true;
  try {
    const response = await client.json<{ status?: { resourceRules?: ResourceRule[]; incomplete?: boolean } }>(`${AUTHZ}/selfsubjectrulesreviews`, {
      method: 'POST',
      signal,
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } },
    });
    rules = response.status?.resourceRules ?? [];
    incomplete = response.status?.incomplete === true;
  } catch {
    // Rules reviews can be disabled; access reviews answer the same question kind by kind.
  }
  const readable: Resource[] = [];
  for (const kind of candidates) {
    if (rulesAllowListWatch(rules, DESCRIPTOR_OF_RESOURCE[kind].group, kind)) readable.push(kind);
    else if (incomplete && (await mayListWatch(client, kind, namespace, signal))) readable.push(kind);
  }
  return readable;
}

/** Namespace names, when the user may list them (at most `limit`); otherwise an empty list. */
export async function listableNamespaces(client: ApiClient, limit = 50, signal?: AbortSignal): Promise<string[]> {
  const allowed = await review(client, '', 'namespaces', 'list', undefined, signal).catch(() => false);
  if (!allowed) return [];
  const response = await client.json<{ items?: { metadata?: { name?: string } }[] }>(`/api/v1/namespaces?limit=${limit}`, { signal });
  return (response.items ?? []).map((item) => item.metadata?.name).filter((name): name is string => typeof name === 'string');
}
