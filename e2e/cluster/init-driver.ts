/**
 * The lab's stand-in for the kubelet's init-container sequencing. kwok's stock pod stages mark every init
 * container Completed at once; for pods labelled INIT_DRIVER_LABEL (which the lab's kwok stages leave alone) this
 * driver writes the status a kubelet would, one step at a time: init container 1 running, then terminated
 * (Completed) while init container 2 starts, ... then the app containers running and the pod Ready.
 * It writes the status subresource only, with its own narrowly-bound identity.
 * Per-pod step length: annotation lab.kse.dev/init-step-seconds (default from options).
 */
import { createHash } from 'node:crypto';
import { INIT_DRIVER_LABEL } from './config';
import type { KubeClient, KubeObject } from './kube';

export const INIT_STEP_ANNOTATION = 'lab.kse.dev/init-step-seconds';

export interface InitDriver {
  stop(): Promise<void>;
}

type Status = Record<string, any>;
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

function podIP(uid: string): string {
  const h = createHash('sha256').update(uid).digest();
  return `10.244.${h[0]! % 250}.${(h[1]! % 250) + 2}`;
}

function condition(type: string, status: boolean, reason?: string, message?: string, prev?: Status[]): Status {
  const old = prev?.find((c) => c.type === type);
  const s = status ? 'True' : 'False';
  return {
    type, status: s,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === s ? old.lastTransitionTime : now(),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

/** The next status for `pod`, or undefined when nothing is due yet. Exported for unit tests. */
export function nextStatus(pod: KubeObject, hostIP: string | undefined, defaultStepSeconds: number, at = Date.now()): Status | undefined {
  const spec = pod.spec ?? {};
  const inits: any[] = spec.initContainers ?? [];
  const containers: any[] = spec.containers ?? [];
  const status: Status = pod.status ?? {};
  const prevConds: Status[] = status.conditions ?? [];
  const step = Number(pod.metadata.annotations?.[INIT_STEP_ANNOTATION] ?? defaultStepSeconds) * 1000;
  let initStatuses: Status[] = status.initContainerStatuses ?? [];
  const t = now();

  const waiting = (c: any, reason = 'PodInitializing') => ({ name: c.name, image: c.image, imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason } } });
  const running = (c: any, startedAt = t) => ({ name: c.name, image: c.image, imageID: '', containerID: `lab://${pod.metadata.uid}/${c.name}`, ready: c.restartPolicy === 'Always', restartCount: 0, started: true, state: { running: { startedAt } } });
  const completed = (c: any, startedAt: string) => ({
    name: c.name, image: c.image, imageID: '', containerID: `lab://${pod.metadata.uid}/${c.name}`, ready: false, restartCount: 0, started: false,
    state: { terminated: { exitCode: 0, reason: 'Completed', startedAt, finishedAt: t } },
  });

  const names = initStatuses.map((s) => s.name).join(',');
  if (names !== inits.map((c) => c.name).join(',')) {
    // First sight: the first init container starts, the rest wait.
    initStatuses = inits.map((c, i) => (i === 0 ? running(c) : waiting(c)));
  } else {
    const i = initStatuses.findIndex((s, idx) => !s.state?.terminated && !(inits[idx].restartPolicy === 'Always' && s.state?.running));
    if (i === -1) {
      if (status.phase === 'Running') return undefined; // done
    } else {
      const cur = initStatuses[i]!;
      if (cur.state?.running) {
        if (at - Date.parse(cur.state.running.startedAt) < step) return undefined;
        initStatuses = [...initStatuses];
        initStatuses[i] = inits[i].restartPolicy === 'Always' ? { ...running(inits[i], cur.state.running.startedAt), ready: true } : completed(inits[i], cur.state.running.startedAt);
        if (i + 1 < inits.length) initStatuses[i + 1] = running(inits[i + 1]);
      } else {
        initStatuses = [...initStatuses];
        initStatuses[i] = running(inits[i]);
      }
    }
  }

  const pendingInits = initStatuses.filter((s, idx) => !s.state?.terminated && !(inits[idx].restartPolicy === 'Always' && s.ready)).map((s) => s.name);
  const initialized = pendingInits.length === 0;
  const others = prevConds.filter((c) => !['Initialized', 'Ready', 'ContainersReady', 'PodReadyToStartContainers'].includes(c.type));
  const notReadyMsg = `containers with unready status: [${containers.map((c) => c.name).join(' ')}]`;
  return {
    phase: initialized ? 'Running' : 'Pending',
    hostIP, hostIPs: hostIP ? [{ ip: hostIP }] : undefined,
    podIP: podIP(pod.metadata.uid ?? pod.metadata.name), podIPs: [{ ip: podIP(pod.metadata.uid ?? pod.metadata.name) }],
    startTime: status.startTime ?? t,
    qosClass: status.qosClass,
    conditions: [
      condition('PodReadyToStartContainers', true, undefined, undefined, prevConds),
      initialized
        ? condition('Initialized', true, undefined, undefined, prevConds)
        : condition('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${pendingInits.join(' ')}]`, prevConds),
      initialized ? condition('Ready', true, undefined, undefined, prevConds) : condition('Ready', false, 'ContainersNotReady', notReadyMsg, prevConds),
      initialized ? condition('ContainersReady', true, undefined, undefined, prevConds) : condition('ContainersReady', false, 'ContainersNotReady', notReadyMsg, prevConds),
      ...others,
    ],
    initContainerStatuses: initStatuses,
    containerStatuses: containers.map((c) => (initialized ? { ...running(c), ready: true } : waiting(c))),
  };
}

export function startInitDriver(client: KubeClient, opts: { stepSeconds: number; intervalMs?: number; log?: (l: string) => void }): InitDriver {
  let stopped = false;
  const hostIPs = new Map<string, string>();
  const log = opts.log ?? (() => {});
  let lastError = '';

  async function tick(): Promise<void> {
    const pods = await client.list(`/api/v1/pods`, { labelSelector: INIT_DRIVER_LABEL });
    for (const pod of pods.items) {
      const nodeName: string | undefined = pod.spec?.nodeName;
      if (!nodeName || pod.metadata['deletionTimestamp']) continue;
      if (!hostIPs.has(nodeName)) {
        const node = await client.getOrUndefined(`/api/v1/nodes/${nodeName}`);
        const ip = node?.status?.addresses?.find((a: any) => a.type === 'InternalIP')?.address;
        if (ip) hostIPs.set(nodeName, ip);
      }
      const next = nextStatus(pod, hostIPs.get(nodeName), opts.stepSeconds);
      if (!next) continue;
      // A merge patch replaces the lists wholesale, as the kubelet's status manager effectively does; the
      // resourceVersion precondition makes a concurrent writer win rather than be overwritten.
      await client.mergePatch(`/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/status`, {
        metadata: { resourceVersion: pod.metadata.resourceVersion },
        status: next,
      });
      const running = (next.initContainerStatuses as Status[]).find((s) => s.state?.running && !s.ready)?.name;
      log(`[init-driver] ${pod.metadata.namespace}/${pod.metadata.name}: ${next.phase}${running ? `, init container ${running} running` : ''}`);
    }
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await tick();
        lastError = '';
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        if (msg !== lastError) log(`[init-driver] ${msg}`); // the apiserver may be restarting: retry quietly
        lastError = msg;
      }
      await new Promise((r) => setTimeout(r, opts.intervalMs ?? 1000));
    }
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
