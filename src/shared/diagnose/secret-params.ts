/**
 * The Secrets a StorageClass names in its parameters for the CSI external-provisioner, read and resolved as the
 * external-provisioner does (github.com/kubernetes-csi/external-provisioner v6.4.0, pkg/controller/controller.go:
 * secretParamsMap, verifyAndGetSecretNameAndNamespaceTemplate, getSecretReference, resolveTemplate). Pure.
 *
 * - Each purpose has a name key and a namespace key (`csi.storage.k8s.io/<purpose>-secret-name|namespace`); the
 *   older `csi<Purpose>SecretName|Namespace` keys still work for four of them. Both keys of a pair, or neither.
 * - A purpose with no keys falls back to `csi.storage.k8s.io/secret-name|namespace` (the default pair).
 * - Templates (Go's os.Expand): the namespace may use `${pv.name}` and `${pvc.namespace}`; the name may also use
 *   `${pvc.name}` and a claim annotation (`${pvc.annotations[<key in quotes>]}`). Any other token is an error ("invalid tokens").
 * - Only the provisioner Secret is read while provisioning (getCredentials): a missing one fails CreateVolume. The
 *   others are copied, resolved, into the PersistentVolume's spec.csi.*SecretRef, and read later by the attacher,
 *   the kubelet or the resizer.
 */

/** A purpose the external-provisioner knows, with its keys. */
export interface SecretPurpose {
  id: 'provisioner' | 'controllerPublish' | 'nodeStage' | 'nodePublish' | 'controllerExpand' | 'nodeExpand' | 'controllerModify';
  nameKey: string;
  namespaceKey: string;
  deprecatedNameKey?: string;
  deprecatedNamespaceKey?: string;
  /** The PersistentVolume field it ends up in, if any. */
  volumeField?: 'controllerPublishSecretRef' | 'nodeStageSecretRef' | 'nodePublishSecretRef' | 'controllerExpandSecretRef' | 'nodeExpandSecretRef';
}

const P = 'csi.storage.k8s.io/';

export const SECRET_PURPOSES: readonly SecretPurpose[] = [
  { id: 'provisioner', nameKey: `${P}provisioner-secret-name`, namespaceKey: `${P}provisioner-secret-namespace`, deprecatedNameKey: 'csiProvisionerSecretName', deprecatedNamespaceKey: 'csiProvisionerSecretNamespace' },
  { id: 'controllerPublish', nameKey: `${P}controller-publish-secret-name`, namespaceKey: `${P}controller-publish-secret-namespace`, deprecatedNameKey: 'csiControllerPublishSecretName', deprecatedNamespaceKey: 'csiControllerPublishSecretNamespace', volumeField: 'controllerPublishSecretRef' },
  { id: 'nodeStage', nameKey: `${P}node-stage-secret-name`, namespaceKey: `${P}node-stage-secret-namespace`, deprecatedNameKey: 'csiNodeStageSecretName', deprecatedNamespaceKey: 'csiNodeStageSecretNamespace', volumeField: 'nodeStageSecretRef' },
  { id: 'nodePublish', nameKey: `${P}node-publish-secret-name`, namespaceKey: `${P}node-publish-secret-namespace`, deprecatedNameKey: 'csiNodePublishSecretName', deprecatedNamespaceKey: 'csiNodePublishSecretNamespace', volumeField: 'nodePublishSecretRef' },
  { id: 'controllerExpand', nameKey: `${P}controller-expand-secret-name`, namespaceKey: `${P}controller-expand-secret-namespace`, volumeField: 'controllerExpandSecretRef' },
  { id: 'nodeExpand', nameKey: `${P}node-expand-secret-name`, namespaceKey: `${P}node-expand-secret-namespace`, volumeField: 'nodeExpandSecretRef' },
  { id: 'controllerModify', nameKey: `${P}controller-modify-secret-name`, namespaceKey: `${P}controller-modify-secret-namespace` },
];

const DEFAULT_PAIR = { nameKey: `${P}secret-name`, namespaceKey: `${P}secret-namespace` };

/** The templates a class gives one purpose, or why they are malformed (the provisioner's own error, in English). */
export type SecretTemplates = { name: string; namespace: string; keys: [string, string] } | { error: string; keys: string[] } | undefined;

function pair(params: Record<string, string>, purposeName: string, nameKey: string, namespaceKey: string, deprecatedName?: string, deprecatedNamespace?: string): SecretTemplates {
  const has = (key: string | undefined): key is string => key !== undefined && Object.hasOwn(params, key);
  const names = [deprecatedName, nameKey].filter(has);
  const namespaces = [deprecatedNamespace, namespaceKey].filter(has);
  const keys = [...names, ...namespaces];
  if (names.length > 1 || namespaces.length > 1) return { error: `${purposeName} secrets specified in parameters with both "csi" and "${P}" keys`, keys };
  if (names.length !== namespaces.length) return { error: `either name and namespace for ${purposeName} secrets specified, Both must be specified`, keys };
  if (names.length === 0) return undefined;
  const name = params[names[0]!] ?? '';
  const namespace = params[namespaces[0]!] ?? '';
  if (name === '' || namespace === '') return { error: `${purposeName} secrets specified in parameters but value of either namespace or name is empty`, keys };
  return { name, namespace, keys: [names[0]!, namespaces[0]!] };
}

const PURPOSE_NAMES: Record<SecretPurpose['id'], string> = {
  provisioner: 'Provisioner',
  controllerPublish: 'ControllerPublish',
  nodeStage: 'NodeStage',
  nodePublish: 'NodePublish',
  controllerExpand: 'ControllerExpand',
  nodeExpand: 'NodeExpand',
  controllerModify: 'ControllerModify',
};

/** The templates of one purpose: its own keys, else the default pair (as getSecretReference falls back). */
export function secretTemplates(params: Record<string, string> | undefined, purpose: SecretPurpose): SecretTemplates {
  if (!params) return undefined;
  const own = pair(params, PURPOSE_NAMES[purpose.id], purpose.nameKey, purpose.namespaceKey, purpose.deprecatedNameKey, purpose.deprecatedNamespaceKey);
  if (own) return own;
  return pair(params, 'Default', DEFAULT_PAIR.nameKey, DEFAULT_PAIR.namespaceKey);
}

/** What a template may use: the PV's name always; the claim's namespace, name and annotations when a claim is known. */
export interface TemplateInputs {
  pvName?: string;
  pvcNamespace?: string;
  pvcName?: string;
  /** Annotations of the claim the app keeps; others are unknown (the template cannot be resolved here). */
  pvcAnnotations?: Record<string, string>;
}

/**
 * The result of resolving a template: the value; `invalid` (the provisioner rejects it: a token it does not allow
 * there); or `unresolved` (allowed, but the app lacks the value: a claim annotation it does not keep).
 */
export type Resolved = { value: string } | { invalid: string[] } | { unresolved: string[] };

const NAMESPACE_TOKENS = new Set(['pv.name', 'pvc.namespace']);
const NAME_TOKENS = new Set(['pv.name', 'pvc.namespace', 'pvc.name']);
const ANNOTATION_TOKEN = /^pvc\.annotations\['(.*)'\]$/;

/**
 * Expands `${token}` and `$token` as Go's os.Expand does (a `$` followed by a special character or a digit takes that
 * one character; otherwise letters, digits and underscores), then checks the tokens against what the field allows.
 */
export function resolveTemplate(template: string, field: 'name' | 'namespace', inputs: TemplateInputs): Resolved {
  const invalid: string[] = [];
  const unresolved: string[] = [];
  const value = template.replace(/\$(?:\{([^}]*)\}|([*#$@!?\-0-9])|([A-Za-z0-9_]+))/g, (_match, braced?: string, special?: string, plain?: string) => {
    const token = braced ?? special ?? plain ?? '';
    if (braced === '') return ''; // "${}": os.Expand eats bad syntax without asking for a value
    const annotation = ANNOTATION_TOKEN.exec(token);
    if (field === 'name' && annotation) {
      const found = inputs.pvcNamespace !== undefined ? inputs.pvcAnnotations?.[annotation[1] ?? ''] : undefined;
      if (found === undefined) unresolved.push(token);
      return found ?? '';
    }
    const allowed = field === 'name' ? NAME_TOKENS : NAMESPACE_TOKENS;
    if (!allowed.has(token)) {
      invalid.push(token);
      return '';
    }
    const known = token === 'pv.name' ? inputs.pvName : token === 'pvc.namespace' ? inputs.pvcNamespace : inputs.pvcName;
    if (known === undefined) unresolved.push(token);
    return known ?? '';
  });
  if (invalid.length > 0) return { invalid };
  if (unresolved.length > 0) return { unresolved };
  return { value };
}

/** Whether a template has any token (a fixed name can be checked on the class itself). */
export function isTemplated(template: string): boolean {
  return /\$/.test(template);
}

/**
 * The name the external-provisioner gives a claim's PV: `<prefix>-<claim uid>`, prefix "pvc" unless its
 * --volume-name-prefix flag says otherwise (makeVolumeName in controller.go, with --volume-name-uuid-length unset).
 */
export function provisionedVolumeName(claimUid: string): string {
  return `pvc-${claimUid}`;
}
