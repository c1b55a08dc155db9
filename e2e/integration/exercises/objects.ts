/**
 * The objects an exercise's checks read, fetched from the lab with kubectl as plain JSON: the exercise's namespace
 * (claims, pods, events), the cluster-wide storage objects, and the lab provisioner's Lease. The same shape as the
 * diagnosis fixtures (FixtureObjects), so a capture becomes a unit-test fixture as it is.
 */
import { Redactor } from '../../../src/main/kube/redact/redactor';
import type { FixtureObjects } from '../../../src/shared/diagnose/testing/fixture-view';
import type { Resource } from '../../../src/shared/kube/resource-registry';
import type { KubeObject } from '../../../src/shared/kube/objects';
import { runLines, type KubectlTarget } from '../../cluster/exercise';

const CLUSTER_KINDS: Resource[] = ['storageclasses', 'persistentvolumes', 'nodes', 'csidrivers', 'csinodes'];
const NAMESPACED_KINDS: Resource[] = ['persistentvolumeclaims', 'pods', 'events'];

async function list(target: KubectlTarget, kind: Resource, namespace?: string): Promise<KubeObject[]> {
  const scope = namespace ? `-n ${namespace}` : '';
  const json = await runLines(target, [`kubectl get ${kind} ${scope} -o json 2>/dev/null`], process.cwd());
  return (JSON.parse(json) as { items: KubeObject[] }).items;
}

/**
 * Only the fields the app keeps (kept-fields.ts, as a snapshot holds them): what the checks and the diagnosis can
 * read, and a fixture a tenth of the raw size.
 */
export function keptOnly(objects: FixtureObjects): FixtureObjects {
  const redactor = new Redactor((objects.storageclasses ?? []).map((sc) => sc.provisioner ?? ''));
  return Object.fromEntries(Object.entries(objects).map(([kind, items]) => [kind, (items as KubeObject[]).map((o) => redactor.object(kind as Resource, o))])) as FixtureObjects;
}

export async function exerciseObjects(target: KubectlTarget, namespace: string): Promise<FixtureObjects> {
  const out: Record<string, KubeObject[]> = {};
  for (const kind of CLUSTER_KINDS) out[kind] = await list(target, kind);
  for (const kind of NAMESPACED_KINDS) out[kind] = await list(target, kind, namespace);
  out['leases'] = await list(target, 'leases', 'lab-system');
  return keptOnly(out as FixtureObjects);
}
