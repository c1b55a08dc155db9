/**
 * The objects an exercise's checks read, fetched from the lab with kubectl as plain JSON: the exercise's namespace
 * (claims, pods, events), the cluster-wide storage objects, and the lab provisioner's Lease. The same shape as the
 * diagnosis fixtures (FixtureObjects), so a capture becomes a unit-test fixture as it is.
 */
import type { FixtureObjects } from '../../../src/shared/diagnose/fixture-view';
import type { Kind } from '../../../src/shared/kube/kinds';
import { runLines, type KubectlTarget } from '../../cluster/exercise';

const CLUSTER_KINDS: Kind[] = ['storageclasses', 'persistentvolumes', 'nodes', 'csidrivers', 'csinodes'];
const NAMESPACED_KINDS: Kind[] = ['persistentvolumeclaims', 'pods', 'events'];

interface ListJson {
  items: { metadata?: { managedFields?: unknown; annotations?: Record<string, string> } }[];
}

/** Drops what no check reads and what only adds noise to a fixture. */
function trim(items: ListJson['items']): ListJson['items'] {
  for (const item of items) {
    if (!item.metadata) continue;
    delete item.metadata.managedFields;
    if (item.metadata.annotations) delete item.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'];
  }
  return items;
}

async function list(target: KubectlTarget, kind: Kind, namespace?: string): Promise<ListJson['items']> {
  const scope = namespace ? `-n ${namespace}` : '';
  const json = await runLines(target, [`kubectl get ${kind} ${scope} -o json 2>/dev/null`], process.cwd());
  return trim((JSON.parse(json) as ListJson).items);
}

export async function exerciseObjects(target: KubectlTarget, namespace: string): Promise<FixtureObjects> {
  const out: Record<string, unknown[]> = {};
  for (const kind of CLUSTER_KINDS) out[kind] = await list(target, kind);
  for (const kind of NAMESPACED_KINDS) out[kind] = await list(target, kind, namespace);
  out['leases'] = await list(target, 'leases', 'lab-system');
  return out as FixtureObjects;
}
