/**
 * What the demo recording waits for and what it makes happen on the lab (see record-demo.ts). Each action is a
 * real request to the lab's API server; the controllers, scheduler, provisioner and init driver do the rest.
 */
import { join, resolve } from 'node:path';
import type { Lab } from '../e2e/cluster/lab';

interface Claim {
  metadata: { name: string; namespace: string };
  status?: { phase?: string };
}
interface CoreEvent {
  reason?: string;
  involvedObject?: { name?: string; kind?: string };
}
interface Pod {
  status?: { conditions?: { type: string; status: string }[] };
}

export interface DemoAction {
  /** Seconds after the recording starts. */
  atSeconds: number;
  title: string;
  run(lab: Lab): Promise<void>;
}

const SCENARIOS = resolve(import.meta.dirname, '..', 'e2e', 'scenarios');
/** The exercise the demo shows half done, then finished (issue 16): 3, an emptyDir in memory with a size limit. */
const EXERCISE = resolve(import.meta.dirname, '..', 'resources', 'exercises', '03-memory-emptydir');
/** Its typical mistake, as the lab integration test makes it: in memory, but without a size limit. */
const EXERCISE_MISTAKE = resolve(import.meta.dirname, '..', 'e2e', 'integration', 'exercises', 'mistakes', 'memory-emptydir.yaml');

/** Claims the scenarios bind, and the event each stuck claim must carry before the demo is worth recording. */
const MUST_BIND = ['lab-dynamic/data', 'lab-static/reports', 'lab-external/uploads', 'student/notebooks'];
const MUST_EXPLAIN: Record<string, string> = {
  'lab-stuck/missing-class': 'ProvisioningFailed',
  'lab-stuck/absent-provisioner': 'ExternalProvisioning',
  'lab-stuck/too-big-for-pv': 'FailedBinding',
  'lab-stuck/provisioning-fails': 'ProvisioningFailed',
  'lab-wffc/waiting': 'WaitForFirstConsumer',
};

/** Resolves when the seeded scenarios have settled; rejects after 3 minutes naming what is still missing. */
export async function waitForScenarios(lab: Lab, log: (line: string) => void): Promise<void> {
  const admin = lab.client('admin');
  const deadline = Date.now() + 180_000;
  let missing: string[] = [];
  for (;;) {
    const claims = await admin.list<Claim>('/api/v1/persistentvolumeclaims');
    const events = await admin.list<CoreEvent>('/api/v1/events');
    const pod = await admin.getOrUndefined<Pod>('/api/v1/namespaces/lab-init/pods/prepare-data');
    const phaseOf = new Map(claims.items.map((c) => [`${c.metadata.namespace}/${c.metadata.name}`, c.status?.phase]));
    const reasons = new Set(
      events.items.filter((e) => e.involvedObject?.kind === 'PersistentVolumeClaim').map((e) => `${e.involvedObject?.name}:${e.reason}`),
    );
    missing = [
      ...MUST_BIND.filter((key) => phaseOf.get(key) !== 'Bound').map((key) => `${key} Bound`),
      ...Object.entries(MUST_EXPLAIN)
        .filter(([key, reason]) => !reasons.has(`${key.split('/')[1]}:${reason}`))
        .map(([key, reason]) => `${key} event ${reason}`),
      ...(pod?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? [] : ['lab-init/prepare-data Ready']),
    ];
    if (missing.length === 0) return log('scenarios settled');
    if (Date.now() > deadline) throw new Error(`The lesson scenarios did not settle in 3 minutes; still waiting for: ${missing.join(', ')}.`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function claim(namespace: string, name: string, storageClassName: string | undefined, size: string): unknown {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace, labels: { 'lab.kse.dev/demo': 'live' } },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...(storageClassName !== undefined ? { storageClassName } : {}) },
  };
}

function consumerPod(namespace: string, name: string, claimName: string): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { app: name, 'lab.kse.dev/demo': 'live' } },
    spec: {
      containers: [{ name: 'app', image: 'busybox:1.37', command: ['sleep', 'infinity'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
    },
  };
}

async function kubectl(lab: Lab, args: string[]): Promise<void> {
  const result = await lab.kubectl(args);
  if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${result.stderr.trim()}`);
}

/**
 * Before the recording: exercise 3 set up and half done, as a student leaves it after a first try (the pod runs
 * with its emptyDir in memory, but without a size limit: two steps of three pass). Resolves once the pod is Ready.
 */
export async function prepareExercise(lab: Lab, log: (line: string) => void): Promise<void> {
  await kubectl(lab, ['apply', '-f', join(EXERCISE, 'start.yaml')]);
  await kubectl(lab, ['replace', '--force', '--grace-period=0', '-f', EXERCISE_MISTAKE]);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const pod = await lab.client('admin').getOrUndefined<Pod & { spec?: { volumes?: { emptyDir?: { medium?: string } }[] } }>('/api/v1/namespaces/ex-memory-emptydir/pods/cache');
    const inMemory = pod?.spec?.volumes?.some((v) => v.emptyDir?.medium === 'Memory');
    if (inMemory && pod?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) return log('exercise 3 half done');
    if (Date.now() > deadline) throw new Error('Pod ex-memory-emptydir/cache (exercise 3, first try) did not become Ready in 2 minutes.');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The timeline of live changes, about a minute long. */
export function demoActions(): DemoAction[] {
  return [
    {
      atSeconds: 2,
      title: 'replace lab-init/prepare-data: its init containers run again one by one',
      run: (lab) => kubectl(lab, ['-n', 'lab-init', 'replace', '--force', '--grace-period=0', '-f', join(SCENARIOS, '07-init-containers', 'pod.yaml')]),
    },
    {
      atSeconds: 10,
      title: 'create claim lab-dynamic/reports (default class): the PV controller provisions and binds it',
      run: (lab) => lab.client('admin').create('/api/v1/namespaces/lab-dynamic/persistentvolumeclaims', claim('lab-dynamic', 'reports', undefined, '2Gi')).then(() => undefined),
    },
    {
      atSeconds: 22,
      title: 'create pod lab-wffc/consumer using claim "waiting": scheduled, provisioned on its node, bound',
      run: (lab) => lab.client('admin').create('/api/v1/namespaces/lab-wffc/pods', consumerPod('lab-wffc', 'consumer', 'waiting')).then(() => undefined),
    },
    {
      atSeconds: 36,
      title: 'create claim lab-external/cache: the external provisioner provisions it',
      run: (lab) => lab.client('admin').create('/api/v1/namespaces/lab-external/persistentvolumeclaims', claim('lab-external', 'cache', 'lab-external', '512Mi')).then(() => undefined),
    },
    {
      atSeconds: 48,
      title: 'create claim lab-dynamic/typo (class "lab-hostpth" does not exist): stays Pending',
      run: (lab) => lab.client('admin').create('/api/v1/namespaces/lab-dynamic/persistentvolumeclaims', claim('lab-dynamic', 'typo', 'lab-hostpth', '1Gi')).then(() => undefined),
    },
    {
      atSeconds: 54,
      title: 'exercise 3 finished: pod ex-memory-emptydir/cache replaced with the official solution (sizeLimit 128Mi)',
      run: (lab) => kubectl(lab, ['replace', '--force', '--grace-period=0', '-f', join(EXERCISE, 'solution.yaml')]),
    },
  ];
}
