/** Files the lab's components read: credentials, kubeconfigs, kwok's stage configuration. */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

/** Identities authenticated by the apiserver's static token file. */
export interface LabIdentity {
  user: string;
  groups: string[];
}

export const IDENTITIES = {
  admin: { user: 'lab-admin', groups: ['system:masters'] },
  student: { user: 'lab-student', groups: [] },
  // Bootstrap RBAC (system:kube-controller-manager / system:kube-scheduler roles) is bound to these user names.
  controllerManager: { user: 'system:kube-controller-manager', groups: [] },
  scheduler: { user: 'system:kube-scheduler', groups: [] },
  // kwok stands in for every kubelet and its Stage engine patches arbitrary objects: it gets full access.
  kwok: { user: 'lab:kwok', groups: ['system:masters'] },
  provisioner: { user: 'lab:external-provisioner', groups: [] },
  statusDriver: { user: 'lab:status-driver', groups: [] },
  // The CSI sidecars (csi.ts): each bound to its upstream release's RBAC manifest.
  csiProvisioner: { user: 'lab:csi-provisioner', groups: [] },
  csiAttacher: { user: 'lab:csi-attacher', groups: [] },
  csiResizer: { user: 'lab:csi-resizer', groups: [] },
  csiSnapshotter: { user: 'lab:csi-snapshotter', groups: [] },
  snapshotController: { user: 'lab:snapshot-controller', groups: [] },
} satisfies Record<string, LabIdentity>;

export type IdentityName = keyof typeof IDENTITIES;
export type Tokens = Record<IdentityName, string>;

export function newTokens(): Tokens {
  const t = {} as Tokens;
  for (const k of Object.keys(IDENTITIES) as IdentityName[]) t[k] = randomBytes(24).toString('base64url');
  return t;
}

/** kube-apiserver --token-auth-file: token,user,uid,"group1,group2". */
export function writeTokenFile(path: string, tokens: Tokens): void {
  const lines = (Object.keys(IDENTITIES) as IdentityName[]).map((k) => {
    const id: LabIdentity = IDENTITIES[k];
    return `${tokens[k]},${id.user},${id.user}${id.groups.length ? `,"${id.groups.join(',')}"` : ''}`;
  });
  writeFileSync(path, lines.join('\n') + '\n', { mode: 0o600 });
}

/** RSA key pair that signs (apiserver, controller-manager) and verifies service-account tokens. */
export function writeServiceAccountKeys(keyPath: string, pubPath: string): void {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  writeFileSync(keyPath, privateKey, { mode: 0o600 });
  writeFileSync(pubPath, publicKey);
}

export interface KubeconfigUser {
  context: string;
  user: string;
  token: string;
  namespace?: string;
}

export function kubeconfigYaml(server: string, caPem: string, users: KubeconfigUser[], current: string): string {
  const caData = Buffer.from(caPem).toString('base64');
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kse-lab', cluster: { server, 'certificate-authority-data': caData } }],
    users: users.map((u) => ({ name: u.user, user: { token: u.token } })),
    contexts: users.map((u) => ({
      name: u.context,
      context: { cluster: 'kse-lab', user: u.user, ...(u.namespace ? { namespace: u.namespace } : {}) },
    })),
    'current-context': current,
    preferences: {},
  });
}

/** Label that hands a pod's status to the lab's init-container driver instead of kwok's stock pod stages. */
export const INIT_DRIVER_LABEL = 'lab.kse.dev/init-driver';

/**
 * kwok's stock stages (node-initialize, node-heartbeat-with-lease, pod-ready, pod-complete, pod-delete: what
 * kwokctl runs by default), copied from its module at build time, with the pod stages that write status narrowed
 * to pods *without* INIT_DRIVER_LABEL. Stock pod-ready marks every init container Completed in one step; the lab's
 * driver walks them one after another instead. pod-delete stays as is so deletion works for every pod.
 */
export function kwokStagesConfig(stagesDir: string): string {
  const docs: string[] = [];
  for (const set of readdirSync(stagesDir).sort()) {
    for (const file of readdirSync(join(stagesDir, set)).filter((f) => f.endsWith('.yaml')).sort()) {
      for (const doc of parseAllDocuments(readFileSync(join(stagesDir, set, file), 'utf8'))) {
        const stage = doc.toJS() as { kind?: string; metadata: { name: string }; spec: { resourceRef: { kind: string }; selector?: { matchExpressions?: unknown[] } } };
        if (stage?.kind !== 'Stage') continue;
        if (stage.spec.resourceRef.kind === 'Pod' && stage.metadata.name !== 'pod-delete') {
          stage.spec.selector ??= {};
          (stage.spec.selector.matchExpressions ??= []).push({ key: `.metadata.labels["${INIT_DRIVER_LABEL}"]`, operator: 'DoesNotExist' });
        }
        docs.push(stringify(stage));
      }
    }
  }
  if (!docs.some((d) => d.includes('pod-ready'))) throw new Error(`kwok stock stages not found in ${stagesDir}`);
  return docs.join('---\n');
}
