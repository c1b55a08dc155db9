/**
 * What a snapshot keeps of each kind: the fields the app reads (src/shared/kube/objects.ts declares them), and
 * nothing else. It is an allow-list: a field that is not here is dropped, so a credential in a field nobody
 * thought of (a new API field, a tool's annotation, a CRD's extra parameters) cannot leak.
 *
 * Each kept value is one of:
 * - `INT`, `BOOL`: a number or a boolean, as the types declare;
 * - `ID`: an identifier string (name, label, phase, path, quantity, time): kept, unless it is shaped like a credential
 *   (PEM, JWT, URL with user info, bearer header), which no valid Kubernetes identifier is;
 * - `TEXT`: free text written by a controller or a program (messages): kept after scrub.ts's scrub;
 * - `ARGV`: a command line: kept after the argument-aware scrub;
 * - `ENV_VALUE`: a container env value: kept only when it repeats a provisioner name that the snapshot
 *   already holds (the app finds a provisioner's pods by it); any other value is replaced by "<redacted>";
 * - `PARAMETER`: a StorageClass / VolumeSnapshotClass parameter: dropped when its key is secret-looking
 *   (except the names and namespaces of secrets, which support needs and are not secret), else scrubbed.
 */

export type Keep =
  | 'id'
  | 'int'
  | 'bool'
  | 'text'
  | 'argv'
  | 'env-value'
  | 'parameter'
  | { fields: Record<string, Keep>; rest?: Keep }
  | { list: Keep }
  | { map: Keep }
  | { annotations: true };

/**
 * The Keep of one field of an object Keep, or its catch-all. Own keys only: a hostile "__proto__" or
 * "constructor" key must not find Object.prototype's members.
 */
export function keptField(keep: { fields: Record<string, Keep>; rest?: Keep }, key: string): Keep | undefined {
  return Object.hasOwn(keep.fields, key) ? keep.fields[key] : keep.rest;
}

export const ID = 'id' as const;
/** A number (exit codes, counts, user ids). */
export const INT = 'int' as const;
/** A boolean (readOnly, ready, attached...). */
export const BOOL = 'bool' as const;
export const TEXT = 'text' as const;
export const ARGV = 'argv' as const;
export const fields = (kept: Record<string, Keep>, rest?: Keep): Keep => (rest ? { fields: kept, rest } : { fields: kept });
export const list = (item: Keep): Keep => ({ list: item });
export const map = (value: Keep): Keep => ({ map: value });
export const IDS = list(ID);
export const ID_MAP = map(ID);

/**
 * Annotations the app reads (diagnosis, relations, provisioner health). Every other annotation is dropped:
 * tools put whole manifests (kubectl's last-applied-configuration) and credentials in annotations.
 * annotations.test.ts checks that every annotation key the code reads is listed here.
 */
export const READ_ANNOTATIONS: ReadonlySet<string> = new Set([
  'volume.kubernetes.io/selected-node',
  'volume.kubernetes.io/storage-provisioner',
  'volume.beta.kubernetes.io/storage-provisioner',
  // kube-controller-manager's expand controller names the CSI driver of a migrated in-tree volume (expansion-facts.ts).
  'volume.kubernetes.io/storage-resizer',
  'volume.beta.kubernetes.io/storage-class',
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
  'pv.kubernetes.io/provisioned-by',
  // Written by the PV controller, values "yes" or a driver name; the details' Summary shows them (binding state).
  'pv.kubernetes.io/bind-completed',
  'pv.kubernetes.io/bound-by-controller',
  'pv.kubernetes.io/migrated-to',
]);

const METADATA = fields({
  name: ID,
  namespace: ID,
  uid: ID,
  resourceVersion: ID,
  creationTimestamp: ID,
  deletionTimestamp: ID,
  generateName: ID,
  labels: ID_MAP,
  annotations: { annotations: true },
  ownerReferences: list(fields({ apiVersion: ID, kind: ID, name: ID, uid: ID, controller: BOOL })),
  finalizers: IDS,
});

export const CONDITIONS = list(fields({ type: ID, status: ID, reason: ID, message: TEXT, lastTransitionTime: ID, lastProbeTime: ID }));
export const OBJECT_REFERENCE = fields({ kind: ID, namespace: ID, name: ID, uid: ID, apiVersion: ID, resourceVersion: ID, fieldPath: ID });
export const SELECTOR_REQUIREMENTS = list(fields({ key: ID, operator: ID, values: IDS }));
/** A Secret's name and namespace (core/v1 SecretReference): not secret, and what support needs to check it exists. */
export const SECRET_REFERENCE = fields({ name: ID, namespace: ID });
export const LABEL_SELECTOR = fields({ matchLabels: ID_MAP, matchExpressions: SELECTOR_REQUIREMENTS });
export const NODE_SELECTOR_TERMS = list(fields({ matchExpressions: SELECTOR_REQUIREMENTS, matchFields: SELECTOR_REQUIREMENTS }));
export const RESOURCES = fields({ requests: ID_MAP, limits: ID_MAP });
export const CLAIM_SPEC = fields({
  accessModes: IDS,
  resources: RESOURCES,
  storageClassName: ID,
  volumeName: ID,
  volumeMode: ID,
  selector: LABEL_SELECTOR,
  dataSource: fields({ apiGroup: ID, kind: ID, name: ID }),
  dataSourceRef: fields({ apiGroup: ID, kind: ID, name: ID, namespace: ID }),
  volumeAttributesClassName: ID,
});
/**
 * Any other volume source (awsElasticBlockStore, flexVolume, iscsi, rbd...): the app reads only that it is
 * there (its type) and which driver; options, secrets and monitors are dropped.
 */
export const OTHER_VOLUME_SOURCE = fields({ driver: ID, fsType: ID, readOnly: BOOL });
export const POD_VOLUME = fields(
  {
    name: ID,
    persistentVolumeClaim: fields({ claimName: ID, readOnly: BOOL }),
    emptyDir: fields({ medium: ID, sizeLimit: ID }),
    hostPath: fields({ path: ID, type: ID }),
    configMap: fields({ name: ID, optional: BOOL }),
    secret: fields({ secretName: ID, optional: BOOL }),
    // The app shows which sources a projected volume has (their keys) and which objects they name, not what they hold.
    projected: fields({ sources: list(map(fields({ name: ID, optional: BOOL }))) }),
    // nodePublishSecretRef: the name of a Secret (never its data), which the app checks exists.
    csi: fields({ driver: ID, readOnly: BOOL, fsType: ID, nodePublishSecretRef: fields({ name: ID }) }),
    ephemeral: fields({ volumeClaimTemplate: fields({ metadata: fields({ labels: ID_MAP }), spec: CLAIM_SPEC }) }),
    downwardAPI: fields({}),
    nfs: fields({ server: ID, path: ID, readOnly: BOOL }),
    image: fields({ reference: ID }),
  },
  OTHER_VOLUME_SOURCE,
);
export const CONTAINER = fields({
  name: ID,
  image: ID,
  command: ARGV,
  args: ARGV,
  volumeMounts: list(fields({ name: ID, mountPath: ID, readOnly: BOOL, subPath: ID, subPathExpr: ID })),
  volumeDevices: list(fields({ name: ID, devicePath: ID })),
  securityContext: fields({ runAsUser: INT, runAsGroup: INT, runAsNonRoot: BOOL, privileged: BOOL }),
  restartPolicy: ID,
  env: list(fields({ name: ID, value: 'env-value' })),
  resources: RESOURCES,
});
export const CONTAINER_STATE = fields({
  waiting: fields({ reason: ID, message: TEXT }),
  running: fields({ startedAt: ID }),
  terminated: fields({ exitCode: INT, reason: ID, message: TEXT, startedAt: ID, finishedAt: ID }),
});
export const CONTAINER_STATUSES = list(fields({ name: ID, ready: BOOL, started: BOOL, restartCount: INT, image: ID, state: CONTAINER_STATE, lastState: CONTAINER_STATE }));
export const ERROR = fields({ message: TEXT, time: ID });

/**
 * One resource's kept fields, its envelope (apiVersion, kind, metadata) included. Each resource's descriptor
 * (resources/*.ts) declares its own; the registry derives KEPT_FIELDS from them.
 */
export const envelope = (kept: Record<string, Keep>): Keep => fields({ apiVersion: ID, kind: ID, metadata: METADATA, ...kept });
