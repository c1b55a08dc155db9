/**
 * Init containers run one after another, in the order written, and each must finish before the next (and
 * the app) starts. The first one that does not finish explains the pod: which one, its state and its last
 * message. Native sidecars (restartPolicy: Always) keep running by design.
 */
import { counted } from '../plural';
import { verbatim } from '../verbatim';
import type { Container, ContainerStatus, Pod } from '../kube/objects';
import type { Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, NOTE, step, t } from './finding';
import { duration, millis, refTo } from './object-helpers';
import { command } from './shell-quote';
import { RESTARTS } from './words';
import type { Rule } from './rule';

/** An init container still running after this long is reported as possibly stuck. */
export const INIT_STUCK_MS = 10 * 60_000;

const START_FAILURES = ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError'];

export function diagnoseInitContainers(ctx: DiagnoseContext, pod: Pod): Finding[] {
  if (pod.status?.phase === 'Succeeded') return [];
  const specs = pod.spec?.initContainers ?? [];
  const statuses = pod.status?.initContainerStatuses ?? [];
  const ns = pod.metadata?.namespace ?? '';
  const ref = refTo('pods', pod);
  for (const [index, spec] of specs.entries()) {
    const st = statuses.find((s) => s.name === spec.name);
    if (!st) return [];
    const sidecar = spec.restartPolicy === 'Always';
    const which = `${spec.name ?? ''} (${index + 1}/${specs.length})`;
    const logs = (previous: boolean) =>
      step(
        t(previous ? 'Read the output of its last run' : 'Read its output', previous ? 'Прочитайте вывод последнего запуска' : 'Прочитайте его вывод'),
        previous ? command`kubectl logs ${pod.metadata?.name} -n ${ns} -c ${spec.name} --previous` : command`kubectl logs ${pod.metadata?.name} -n ${ns} -c ${spec.name}`,
      );
    const base = [evidence(t('Init container', 'Init-контейнер'), which, { source: `spec.initContainers[${index}]` }), ...describeRun(spec)];
    const waiting = st.state?.waiting;
    const last = st.lastState?.terminated;

    if (waiting?.reason === 'CrashLoopBackOff') {
      return [
        finding({
          code: 'pod.init-crashloop',
          object: ref,
          key: spec.name,
          cause: t(
            `Init container ${verbatim(which)} keeps failing (${counted(st.restartCount ?? 0, RESTARTS).en}${last ? `, last exit code ${last.exitCode ?? '?'}${last.reason ? ` ${verbatim(last.reason)}` : ''}` : ''}); the containers after it and the app wait.`,
            `Init-контейнер ${verbatim(which)} раз за разом падает (${counted(st.restartCount ?? 0, RESTARTS).ru}${last ? `, последний код выхода ${last.exitCode ?? '?'}${last.reason ? ` ${verbatim(last.reason)}` : ''}` : ''}); следующие контейнеры и приложение ждут.`,
          ),
          evidence: [...base, ...lastRun(st), evidence(t('State', 'Состояние'), `${waiting.reason}: ${waiting.message ?? ''}`, { source: `status.initContainerStatuses[${index}].state.waiting` })],
          fix: [logs(true)],
        }),
      ];
    }
    if (waiting && START_FAILURES.includes(waiting.reason ?? '')) {
      return [
        finding({
          code: 'pod.init-waiting',
          object: ref,
          key: spec.name,
          cause: t(`Init container ${verbatim(which)} cannot start: ${verbatim(waiting.reason)}${waiting.message ? ` — ${verbatim(waiting.message)}` : ''}`, `Init-контейнер ${verbatim(which)} не запускается: ${verbatim(waiting.reason)}${waiting.message ? ` — ${verbatim(waiting.message)}` : ''}`),
          evidence: [...base, evidence(t('State', 'Состояние'), `${waiting.reason}: ${waiting.message ?? ''}`, { source: `status.initContainerStatuses[${index}].state.waiting` })],
          fix: [step(t('See the pod events', 'Посмотрите события пода'), command`kubectl describe pod ${pod.metadata?.name} -n ${ns}`)],
        }),
      ];
    }
    const done = st.state?.terminated;
    if (done && done.exitCode !== 0 && !sidecar) {
      const final = pod.spec?.restartPolicy === 'Never' || pod.status?.phase === 'Failed';
      return [
        finding({
          code: 'pod.init-failed',
          object: ref,
          key: spec.name,
          cause: final
            ? t(`Init container ${verbatim(which)} failed with exit code ${done.exitCode ?? '?'}${done.reason ? ` (${verbatim(done.reason)})` : ''}, and the pod does not restart it: the pod has failed.`, `Init-контейнер ${verbatim(which)} завершился с кодом ${done.exitCode ?? '?'}${done.reason ? ` (${verbatim(done.reason)})` : ''}, а под его не перезапускает: под завершился неудачей (Failed).`)
            : t(`Init container ${verbatim(which)} failed with exit code ${done.exitCode ?? '?'}${done.reason ? ` (${verbatim(done.reason)})` : ''}; it will be restarted.`, `Init-контейнер ${verbatim(which)} завершился с кодом ${done.exitCode ?? '?'}${done.reason ? ` (${verbatim(done.reason)})` : ''}; его перезапустят.`),
          evidence: [...base, evidence(t('Last message', 'Последнее сообщение'), done.message ?? '', { ...(done.message ? {} : { note: NOTE.none }), source: `status.initContainerStatuses[${index}].state.terminated` })],
          fix: [logs(false)],
        }),
      ];
    }
    const running = st.state?.running;
    if (running && !sidecar) {
      const since = millis(running.startedAt);
      if (since !== undefined && ctx.view.now() - since > INIT_STUCK_MS) {
        return [
          finding({
            code: 'pod.init-stuck',
            object: ref,
            key: spec.name,
            cause: t(`Init container ${verbatim(which)} has been running for ${duration(ctx.view.now() - since).en}; the app starts only after it exits (is it waiting for something?).`, `Init-контейнер ${verbatim(which)} работает уже ${duration(ctx.view.now() - since).ru}; приложение стартует только после его завершения (может, он чего-то ждёт?).`),
            evidence: [...base, evidence(t('Running since', 'Работает с'), running.startedAt ?? '', { source: `status.initContainerStatuses[${index}].state.running.startedAt` })],
            fix: [logs(false)],
          }),
        ];
      }
      return [];
    }
    // Done (exit 0) or a started sidecar: the next one decides.
    if (!(done?.exitCode === 0 || (sidecar && (running || st.started)))) return [];
  }
  return [];
}

function describeRun(spec: Container) {
  const cmd = [...(spec.command ?? []), ...(spec.args ?? [])].join(' ');
  return [
    ...(spec.image ? [evidence(t('Image', 'Образ'), spec.image, { source: 'spec.initContainers[].image' })] : []),
    ...(cmd ? [evidence(t('Command', 'Команда'), cmd, { source: 'spec.initContainers[].command, spec.initContainers[].args' })] : []),
  ];
}

function lastRun(st: ContainerStatus) {
  const last = st.lastState?.terminated;
  if (!last) return [];
  return [evidence(t('Last run', 'Последний запуск'), `exit ${last.exitCode ?? '?'}${last.reason ? ` ${last.reason}` : ''}${last.message ? `: ${last.message}` : ''}`, { source: 'lastState.terminated' })];
}

/** A pod's init containers. */
export const initContainersRule: Rule<'pods'> = {
  name: 'init-containers',
  subject: 'pods',
  run: diagnoseInitContainers,
  reads: {},
};
