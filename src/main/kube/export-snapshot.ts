/**
 * Builds a snapshot file from a cluster's objects, redacted so that a customer can hand it to support:
 * container env values, secret-looking annotations (and kubectl's last-applied copy of the whole object),
 * secret-looking StorageClass parameters and CSI volume attributes, and secret-looking command-line flags are
 * replaced by "<redacted>". Secrets are never watched, so never exported. Pure: lists of objects in, a
 * snapshot out (the CLI and the app share it); the input objects are not modified.
 */
import type { Kind } from '../../shared/kube/kinds';
import type { Container, KubeObject, PersistentVolume, Pod, StorageClass } from '../../shared/kube/objects';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, type SnapshotKind } from '../../shared/snapshot-format';

export const REDACTED = '<redacted>';

export interface SnapshotInput {
  context: string;
  serverVersion?: string;
  /** Defaults to now. */
  capturedAt?: string;
  kinds: Partial<Record<Kind, SnapshotKind>>;
  limitedToNamespaces?: string[];
}

export function buildSnapshot(input: SnapshotInput): Snapshot {
  const kinds: Partial<Record<Kind, SnapshotKind>> = {};
  for (const [kind, entry] of Object.entries(input.kinds) as [Kind, SnapshotKind][]) {
    kinds[kind] = {
      state: entry.state,
      items: entry.items.map((item) => redactObject(kind, item)),
      ...(entry.message !== undefined ? { message: entry.message } : {}),
    };
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    capturedAt: input.capturedAt ?? new Date().toISOString(),
    context: input.context,
    ...(input.serverVersion !== undefined ? { serverVersion: input.serverVersion } : {}),
    kinds,
    ...(input.limitedToNamespaces ? { limitedToNamespaces: input.limitedToNamespaces } : {}),
    redaction: 'env-values,secret-annotations,secret-parameters,secret-flags',
  };
}

/** A redacted deep copy of one object. */
export function redactObject(kind: Kind, object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  const metadata = copy.metadata as (KubeObject['metadata'] & { managedFields?: unknown }) | undefined;
  if (metadata) {
    delete metadata.managedFields;
    if (metadata.annotations) metadata.annotations = redactMap(metadata.annotations, isSecretAnnotation);
  }
  if (kind === 'pods') redactPod(copy as Pod);
  if (kind === 'storageclasses') {
    const storageClass = copy as StorageClass;
    if (storageClass.parameters) storageClass.parameters = redactMap(storageClass.parameters, isSecretParameter);
  }
  if (kind === 'persistentvolumes') {
    const csi = (copy as PersistentVolume).spec?.csi as { volumeAttributes?: Record<string, string> } | undefined;
    if (csi?.volumeAttributes) csi.volumeAttributes = redactMap(csi.volumeAttributes, isSecretParameter);
  }
  if (kind === 'nodes') {
    // Not a secret, but large and never read: the list of every image on the node.
    const status = copy.status as { images?: unknown } | undefined;
    if (status) delete status.images;
  }
  return copy;
}

function redactPod(pod: Pod): void {
  const spec = pod.spec as (Pod['spec'] & { ephemeralContainers?: Container[] }) | undefined;
  if (!spec) return;
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])]) {
    for (const variable of container.env ?? []) {
      if (variable.value !== undefined) variable.value = REDACTED;
    }
    if (container.command) container.command = redactArguments(container.command);
    if (container.args) container.args = redactArguments(container.args);
  }
  for (const volume of spec.volumes ?? []) {
    if (volume.csi?.volumeAttributes) volume.csi.volumeAttributes = redactMap(volume.csi.volumeAttributes, isSecretParameter);
  }
}

const SECRET_WORD = /token|passw(or)?d|passwd|secret|key|credential|auth|private|cert|cookie|session|bearer/i;
/** Annotations whose whole value is another copy of the object (with whatever secrets it held). */
const OBJECT_COPIES = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
/** Values that look like credentials whatever their key: PEM blocks, JWTs, basic-auth URLs, password= pairs. */
const SECRET_VALUE = /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----|\beyJ[\w-]{8,}\.[\w-]{8,}|:\/\/[^/\s:@]+:[^/\s@]+@|(password|passwd|token|secret)\s*[=:]\s*\S/i;

export function isSecretAnnotation(key: string, value: string): boolean {
  return OBJECT_COPIES.has(key) || SECRET_WORD.test(key) || SECRET_VALUE.test(value);
}

/**
 * StorageClass parameters and CSI attributes mostly name things (a secret's name and namespace are not secret
 * and are what support needs to see); the ones that hold a credential itself are redacted.
 */
export function isSecretParameter(key: string, value: string): boolean {
  if (/(name|namespace)$/i.test(key)) return SECRET_VALUE.test(value);
  return SECRET_WORD.test(key) || SECRET_VALUE.test(value);
}

function redactMap(map: Record<string, string>, isSecret: (key: string, value: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) out[key] = isSecret(key, String(value)) ? REDACTED : value;
  return out;
}

const SECRET_FLAG = /^(-{1,2}[\w.-]*(token|passw(or)?d|passwd|secret|key|credential)[\w.-]*)(=(.*))?$/i;

/**
 * "--password=hunter2" -> "--password=<redacted>", "--token abc" -> "--token <redacted>", and any argument that
 * looks like a credential itself; other arguments unchanged.
 */
export function redactArguments(argv: string[]): string[] {
  return argv.map((argument, index) => {
    const flag = SECRET_FLAG.exec(argument);
    if (flag && flag[3] !== undefined) return `${flag[1]}=${REDACTED}`;
    const previous = index > 0 ? SECRET_FLAG.exec(argv[index - 1]!) : null;
    if (previous && previous[3] === undefined && !argument.startsWith('-')) return REDACTED;
    return SECRET_VALUE.test(argument) ? REDACTED : argument;
  });
}
