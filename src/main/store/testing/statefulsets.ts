/** StatefulSet fixtures for the store's tests: a set `web` in namespace shop, its pods and claims as the controller names them. */
import type { Pod } from '../../../shared/kube/objects';
import type { StatefulSet } from '../../../shared/kube/objects-owners';
import { boundPair, pod, sc, syncedStore } from './fixtures';

const ns = 'shop';
/** StatefulSet `web` with one claim template `data` (`storage` of class fast), as the API server returns it. */
export function webSet(replicas: number, name = 'web', storage = '1Gi'): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: ns, uid: `sts-${name}` },
    spec: { replicas, serviceName: name, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage } } } }] },
    status: { replicas, readyReplicas: replicas },
  };
}
/** The pod of ordinal N, owned by the set as the controller makes it. */
export function setPod(set: string, ordinal: number): Pod {
  const p = pod(ns, `${set}-${ordinal}`, [`data-${set}-${ordinal}`]);
  p.metadata = { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: set, uid: `sts-${set}`, controller: true }] };
  return p;
}
/** A set with its claims bound and its pods running: `replicas` of each. */
export function healthySet(replicas: number, name = 'web') {
  const s = syncedStore();
  const pairs = Array.from({ length: replicas }, (_, i) => boundPair(ns, `data-${name}-${i}`));
  s.replace('storageclasses', [sc('fast')]);
  s.replace('statefulsets', [webSet(replicas, name)]);
  s.replace('persistentvolumeclaims', pairs.map(([c]) => c));
  s.replace('persistentvolumes', pairs.map(([, v]) => v));
  s.replace('pods', pairs.map((_, i) => setPod(name, i)));
  return s;
}
