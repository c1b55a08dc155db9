/**
 * Summary of a StorageClass and of a provisioner. A class: who provisions its volumes (and whether that
 * provisioner runs), whether it is the default, when volumes are made (binding mode), what happens to them when
 * released, whether they can grow, and the parameters handed to the provisioner. Defaults are those the API
 * server fills in (pkg/apis/storage/v1/defaults.go): reclaimPolicy Delete, volumeBindingMode Immediate.
 */
import type { CSIDriver, StorageClass } from '../../../shared/kube/objects';
import type { ProvisionerRow } from '../../../shared/model/rows';
import { DEFAULT_CLASS_ANNOTATIONS, isDefaultClass } from '../object-keys';
import type { FindingsCache } from '../findings-cache';
import type { SummaryList } from './fields';

/**
 * The provisioner, linked to its details (the Provisioners view), and its verdict: on a class, and on the claims and
 * volumes of a class (issue 9, part 5), read at `path` (the class's `provisioner`, or a volume's annotation).
 */
export function provisionerField(list: SummaryList, findings: FindingsCache, name: string, path: string): void {
  list.add('provisioner', path, { type: 'refs', refs: [{ ref: { kind: 'storageclasses', name }, view: 'provisioners' }] });
  const health = findings.provisioner(name);
  if (health) list.add('verdict', undefined, { type: 'verdict', verdict: health.verdict });
}

export function classSummary(list: SummaryList, findings: FindingsCache, sc: StorageClass): void {
  if (sc.provisioner) provisionerField(list, findings, sc.provisioner, 'provisioner');

  const annotation = DEFAULT_CLASS_ANNOTATIONS.find((a) => sc.metadata?.annotations?.[a] !== undefined) ?? DEFAULT_CLASS_ANNOTATIONS[0];
  list.add('isDefault', `metadata.annotations[${annotation}]`, { type: 'bool', value: isDefaultClass(sc) });
  list.defaulted('bindingMode', 'volumeBindingMode', sc.volumeBindingMode, 'Immediate');
  list.defaulted('reclaimPolicy', 'reclaimPolicy', sc.reclaimPolicy, 'Delete');
  list.bool('allowExpansion', 'allowVolumeExpansion', sc.allowVolumeExpansion, false);
  list.map('parameters', 'parameters', sc.parameters);
  list.list('mountOptions', 'mountOptions', sc.mountOptions);
  const topologies = (sc.allowedTopologies ?? []).flatMap((t) => (t.matchLabelExpressions ?? []).map((e) => `${e.key ?? ''} in (${(e.values ?? []).join(', ')})`));
  list.list('allowedTopologies', 'allowedTopologies', topologies);
  list.metadata(sc);
}

/**
 * Summary of a CSIDriver, with the defaults of storage.k8s.io/v1 (pkg/apis/storage/v1/defaults.go):
 * attachRequired true, podInfoOnMount false, fsGroupPolicy ReadWriteOnceWithFSType, volumeLifecycleModes [Persistent].
 */
export function csiDriverSummary(list: SummaryList, findings: FindingsCache, driver: CSIDriver): void {
  const spec = driver.spec ?? {};
  const health = findings.provisioner(driver.metadata?.name ?? '');
  if (health) list.add('verdict', undefined, { type: 'verdict', verdict: health.verdict });
  list.bool('attachRequired', 'spec.attachRequired', spec.attachRequired, true);
  list.bool('podInfoOnMount', 'spec.podInfoOnMount', spec.podInfoOnMount, false);
  list.defaulted('fsGroupPolicy', 'spec.fsGroupPolicy', spec.fsGroupPolicy, 'ReadWriteOnceWithFSType');
  if (spec.volumeLifecycleModes?.length) list.list('lifecycleModes', 'spec.volumeLifecycleModes', spec.volumeLifecycleModes);
  else list.add('lifecycleModes', 'spec.volumeLifecycleModes', { type: 'list', items: ['Persistent'] }, 'not-set');
  list.bool('storageCapacity', 'spec.storageCapacity', spec.storageCapacity, false);
  list.metadata(driver);
}
