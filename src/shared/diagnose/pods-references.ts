/**
 * Pods whose volumes name a ConfigMap or Secret that does not exist, decided from the objects (ConfigMaps and Secrets
 * are watched as metadata only), not from the kubelet's FailedMount events, which linger for an hour after the object
 * appears. The kubelet's behaviour (pkg/volume/configmap/configmap.go, pkg/volume/secret/secret.go,
 * pkg/volume/projected/projected.go, pkg/volume/csi/csi_mounter.go): a required object that is missing fails
 * MountVolume.SetUp (`configmap "x" not found`) and the pod stays in ContainerCreating until it exists; an optional one
 * (`optional: true`) is skipped and the volume (or that projected source) is simply empty.
 */
import { verbatim } from '../verbatim';
import type { Pod } from '../kube/objects';
import type { Evidence, Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { isPodFinished, refByName, refTo } from './object-helpers';
import { podReferences, presenceOf, type PodReference } from './references';
import { command } from './shell-quote';
import type { Rule } from './rule';

const LABEL = { configmaps: 'ConfigMap', secrets: 'Secret' } as const;

export function diagnosePodReferences(ctx: DiagnoseContext, pod: Pod): Finding[] {
  if (isPodFinished(pod) || pod.metadata?.deletionTimestamp) return [];
  const ns = pod.metadata?.namespace ?? '';
  const ref = refTo('pods', pod);
  const running = pod.status?.phase === 'Running';
  const out: Finding[] = [];
  const unchecked: { reference: PodReference; why: string; whyRu: string }[] = [];
  const seen = new Set<string>();
  for (const reference of podReferences(pod.spec?.volumes ?? [])) {
    const key = `${reference.kind === 'configmaps' ? 'configmap' : 'secret'}/${reference.name}`;
    const presence = presenceOf(ctx.view, reference.kind, ns, reference.name);
    if (presence.state === 'present' || presence.state === 'loading') continue;
    if (presence.state === 'unknown') {
      if (!reference.optional) unchecked.push({ reference, why: presence.why.en, whyRu: presence.why.ru });
      continue;
    }
    if (seen.has(`${key}/${reference.optional}`)) continue;
    seen.add(`${key}/${reference.optional}`);
    const label = LABEL[reference.kind];
    const objectRef = refByName(reference.kind, reference.name, ns);
    // The volume goes in the note: in the label, a long volume name (kube-api-access-*) made it unreadable.
    const named = evidence(t(`${label} named by a volume`, `${label}, указанный в томе`), reference.name, {
      ref: objectRef,
      source: reference.source,
      note: t(`does not exist in the namespace (volume ${verbatim(reference.volume)})`, `нет в пространстве имён (том ${verbatim(reference.volume)})`),
    });
    const list = reference.kind === 'configmaps' ? command`kubectl get configmap -n ${ns}` : command`kubectl get secret -n ${ns}`;
    if (reference.optional) {
      out.push(
        finding({
          code: 'pod.optional-source-missing',
          object: ref,
          key,
          cause: t(
            `Volume ${verbatim(reference.volume)} names ${label} ${verbatim(reference.name)}, which does not exist, but marks it optional: the pod starts without it, and the files it would hold are simply absent.`,
            `Том ${verbatim(reference.volume)} ссылается на ${label} ${verbatim(reference.name)}, которого нет, но помечает его необязательным (optional: true): под запустится и без него, просто этих файлов не будет.`,
          ),
          evidence: [named, evidence(t('optional', 'optional'), 'true', { source: reference.source.replace(/\.(name|secretName)$/, '.optional') })],
          fix: [step(t(`See the namespace's ${label} objects; if the application needs those files, create ${label} ${verbatim(reference.name)}`, `Посмотрите объекты ${label} пространства имён; если приложению нужны эти файлы, создайте ${label} ${verbatim(reference.name)}`), list)],
        }),
      );
      continue;
    }
    const evidenceList: Evidence[] = [named, evidence(t('Pod phase', 'Фаза пода'), pod.status?.phase ?? 'Pending', { source: 'status.phase' })];
    out.push(
      finding({
        code: reference.kind === 'configmaps' ? 'pod.configmap-missing' : 'pod.secret-missing',
        object: ref,
        key,
        // A running pod keeps what it mounted at start; the next pod from the same template will not start.
        severity: running ? 'warning' : undefined,
        cause: running
          ? t(
              `Volume ${verbatim(reference.volume)} needs ${label} ${verbatim(reference.name)}, which no longer exists in namespace ${verbatim(ns)}. The pod runs with the files it mounted when it started, but a new pod (a restart elsewhere, a rollout) will not start until it exists.`,
              `Тому ${verbatim(reference.volume)} нужен ${label} ${verbatim(reference.name)}, которого больше нет в пространстве имён ${verbatim(ns)}. Под работает с файлами, смонтированными при запуске, но новый под (перезапуск на другом узле, обновление) не запустится, пока объект не появится.`,
            )
          : t(
              `Volume ${verbatim(reference.volume)} needs ${label} ${verbatim(reference.name)}, which does not exist in namespace ${verbatim(ns)}: the kubelet cannot set the volume up, so the pod's containers do not start until it exists (or the reference is marked optional: true).`,
              `Тому ${verbatim(reference.volume)} нужен ${label} ${verbatim(reference.name)}, которого нет в пространстве имён ${verbatim(ns)}: kubelet не может подготовить том, и контейнеры пода не запустятся, пока объект не появится (или ссылку не пометят как optional: true).`,
            ),
        evidence: evidenceList,
        fix: [
          step(t(`See the ${label} objects in namespace ${verbatim(ns)} (is it there under another name?), then create ${label} ${verbatim(reference.name)} or fix the name in the pod template`, `Посмотрите объекты ${label} в пространстве имён ${verbatim(ns)} (нет ли его под другим именем?), затем создайте ${label} ${verbatim(reference.name)} или исправьте имя в шаблоне пода`), list),
          step(t('See the pod and its events', 'Посмотрите под и его события'), command`kubectl describe pod ${pod.metadata?.name} -n ${ns}`),
        ],
      }),
    );
  }
  // "Cannot check" only matters while the pod has not started: a running pod evidently mounted what it needed.
  if (unchecked.length > 0 && !running) {
    const first = unchecked[0]!;
    out.push(
      finding({
        code: 'pod.reference-unchecked',
        object: ref,
        cause: t(
          `The app cannot check whether the objects the pod's volumes need exist: ${first.why}. If the pod does not start, check them with an account that may read them.`,
          `Приложение не может проверить, существуют ли объекты, нужные томам пода: ${first.whyRu}. Если под не запускается, проверьте их от имени учётной записи, которой это разрешено.`,
        ),
        evidence: unchecked.map(({ reference }) =>
          evidence(t(`${LABEL[reference.kind]} named by a volume`, `${LABEL[reference.kind]}, указанный в томе`), reference.name, {
            source: reference.source,
            note: t(`cannot check (volume ${verbatim(reference.volume)})`, `проверить нельзя (том ${verbatim(reference.volume)})`),
          }),
        ),
        fix: [
          step(t('Check it with an account that may read it', 'Проверьте объект от имени учётной записи с правами на чтение'), first.reference.kind === 'configmaps' ? command`kubectl get configmap ${first.reference.name} -n ${ns}` : command`kubectl get secret ${first.reference.name} -n ${ns}`),
        ],
      }),
    );
  }
  return out;
}

/** The ConfigMaps and Secrets a pod's volumes name. */
export const podReferencesRule: Rule<'pods'> = {
  name: 'pod-references',
  subject: 'pods',
  run: diagnosePodReferences,
  reads: {
    configmaps: ['pods-in-namespace'],
    secrets: ['pods-in-namespace'],
  },
};
