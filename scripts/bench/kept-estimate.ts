/**
 * What the store would save per object if it kept only the fields the app reads (issue 13, item 5): an estimate,
 * no change to the app. Reads `kubectl get <kinds> -o json` output (a List) from a file, prepares each item as the
 * reflector does (src/main/kube/arrival.ts: managedFields dropped, kind filled), and measures on the V8 heap
 * (heap.ts) the objects as the store keeps them today against the same objects cut to the snapshot allow-list
 * (src/shared/kube/kept-fields.ts through src/main/kube/redact/redactor.ts, which also scrubs values; their size
 * barely changes). Also the share of objects carrying kubectl's last-applied-configuration annotation.
 *
 *   kubectl get pv,pvc,pods -A -o json > /tmp/objects.json
 *   npx tsx scripts/bench/kept-estimate.ts /tmp/objects.json
 *
 * Output: one line per kind: count, heap bytes per object as kept and as cut, JSON bytes of each.
 */
import { readFileSync } from 'node:fs';
import { prepareObject } from '../../src/main/kube/arrival';
import { Redactor } from '../../src/main/kube/redact/redactor';
import { ALL_RESOURCES, DESCRIPTOR_OF_RESOURCE, type Resource } from '../../src/shared/kube/resource-registry';
import type { KubeObject } from '../../src/shared/kube/objects';
import { heapPerObject } from './heap';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: npx tsx scripts/bench/kept-estimate.ts <kubectl get ... -o json output>\n');
  process.exit(2);
}
const list = JSON.parse(readFileSync(file, 'utf8')) as { items: KubeObject[] };
const resourceOfKind = new Map(ALL_RESOURCES.map((r) => [DESCRIPTOR_OF_RESOURCE[r].kind, r] as const));
const byResource = new Map<Resource, KubeObject[]>();
for (const item of list.items) {
  const resource = item.kind ? resourceOfKind.get(item.kind) : undefined;
  if (!resource) continue;
  const prepared = prepareObject(resource, item);
  byResource.set(resource, [...(byResource.get(resource) ?? []), prepared]);
}
list.items = [];
const redactor = new Redactor();
for (const [resource, objects] of byResource) {
  const kept = heapPerObject(objects);
  const cut = heapPerObject(objects.map((o) => redactor.object(resource, o)));
  const lastApplied = objects.filter((o) => o.metadata?.annotations?.[LAST_APPLIED] !== undefined).length;
  process.stdout.write(
    `${resource}: ${kept.count} objects; kept today ${Math.round(kept.heapBytes)} B heap (${Math.round(kept.jsonBytes)} B JSON); ` +
      `cut to the allow-list ${Math.round(cut.heapBytes)} B heap (${Math.round(cut.jsonBytes)} B JSON); ${lastApplied} with last-applied-configuration\n`,
  );
}
