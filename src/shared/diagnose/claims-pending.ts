/**
 * Why a claim is Pending. Follows the PV controller's syncUnboundClaim and the scheduler's volume binding:
 * a requested volume (spec.volumeName), then the class (none, default, missing, "" for static only),
 * then the binding mode (WaitForFirstConsumer waits for a scheduled pod), then static matches and finally
 * dynamic provisioning and the provisioner's health. Decided from objects; events are shown when they exist.
 */
import type { PersistentVolumeClaim, Pod, StorageClass } from '../kube/objects';
import type { Evidence, Finding } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { ageOf, condition, duration, eventEvidence, eventMillis, eventsAbout, isPodFinished, newestEvent, refByName, refTo } from './objects';
import { controllerManagerDown, NO_PROVISIONER } from './provisioners';
import { command } from './shell-quote';
import { analyseStatic, nearMissEvidence, volumeFacts } from './static-binding';
import { claimClassName } from './view';
import { diagnoseRequestedVolume } from './claims-prebound';

/** After this long, waits that should be short (binding, provisioning) are reported as warnings. */
export const SLOW_WAIT_MS = 10 * 60_000;

/** One Pending claim and what every rule about it needs. */
export interface ClaimCase {
  ctx: DiagnoseContext;
  claim: PersistentVolumeClaim;
  ref: ObjectRef;
  ns: string;
  name: string;
  events: ReturnType<typeof eventsAbout>;
  pods: Pod[];
}

export function diagnosePendingClaim(ctx: DiagnoseContext, claim: PersistentVolumeClaim): Finding[] {
  const ns = claim.metadata?.namespace ?? '';
  const name = claim.metadata?.name ?? '';
  const c: ClaimCase = {
    ctx,
    claim,
    ref: refTo('persistentvolumeclaims', claim),
    ns,
    name,
    events: eventsAbout(ctx.view, 'persistentvolumeclaims', claim),
    pods: ctx.view.podsUsingClaim(ns, name).filter((p) => !isPodFinished(p)),
  };
  if (claim.spec?.volumeName) return diagnoseRequestedVolume(c);

  const findings: Finding[] = [];
  let className = claimClassName(claim);
  if (className === undefined) {
    const defaults = [...ctx.view.defaultClasses()].sort(newestFirst);
    if (defaults.length === 0) return noClassAtAll(c);
    if (defaults.length > 1) findings.push(severalDefaults(c, defaults));
    // The PV controller assigns the newest default class to such a claim (retroactive default, Kubernetes 1.28+).
    className = defaults[0]?.metadata?.name ?? '';
  }
  if (className === '') return [...findings, ...staticOnly(c, '', [])];

  const sc = ctx.view.get('storageclasses', className);
  if (!sc) return [...findings, ...classMissing(c, className)];
  return [...findings, ...withClass(c, sc, className)];
}

function newestFirst(a: StorageClass, b: StorageClass): number {
  return (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? '');
}

function describeStep(c: ClaimCase) {
  return step(t('See the claim and its events', 'Посмотрите заявку и её события'), command`kubectl describe pvc ${c.name} -n ${c.ns}`);
}

function classEvidence(className: string | undefined, source = 'spec.storageClassName'): Evidence {
  return evidence(t('Class asked for', 'Запрошенный класс'), className === undefined ? '(unset)' : className === '' ? '"" (static only)' : className, {
    source,
    ...(className ? { ref: refByName('storageclasses', className) } : {}),
  });
}

function recentEvents(c: ClaimCase, reasons: string[]): Evidence[] {
  const e = newestEvent(c.events, reasons);
  return e ? [eventEvidence(c.ctx.view, e)] : [];
}

function noClassAtAll(c: ClaimCase): Finding[] {
  const analysis = analyseStatic(c.ctx.view, c.claim, '');
  if (analysis.matches.length > 0) return [bindingDue(c, analysis.matches[0]!)];
  return [
    finding({
      code: 'claim.no-default-class',
      object: c.ref,
      cause: t(
        'The claim names no StorageClass and the cluster has no default class, so nothing will create a volume; only a PV with no class could bind it, and none fits.',
        'В заявке не указан StorageClass, а класса по умолчанию в кластере нет: создавать том некому, а подходящего PV без класса тоже нет.',
      ),
      evidence: [
        classEvidence(undefined),
        evidence(t('Default classes', 'Классы по умолчанию'), 'none', { source: 'storageclass.kubernetes.io/is-default-class' }),
        ...nearMissEvidence(analysis.nearMisses),
        ...recentEvents(c, ['FailedBinding']),
      ],
      fix: [
        step(t('List the classes that exist', 'Посмотрите, какие классы есть'), 'kubectl get storageclass'),
        step(
          t('Either set a class on the claim (allowed while it is unbound and has none)…', 'Либо укажите класс в заявке (можно, пока она не привязана и класса нет)…'),
          command`kubectl patch pvc ${c.name} -n ${c.ns} --type merge -p ${'{"spec":{"storageClassName":"<class>"}}'}`,
        ),
        step(
          t('…or mark one class as the default: the claim then gets it automatically', '…либо сделайте один класс классом по умолчанию — заявка получит его сама'),
          command`kubectl patch storageclass ${'<class>'} -p ${'{"metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"}}}'}`,
        ),
      ],
    }),
  ];
}

function severalDefaults(c: ClaimCase, defaults: StorageClass[]): Finding {
  const names = defaults.map((d) => d.metadata?.name ?? '');
  return finding({
    code: 'claim.several-default-classes',
    object: c.ref,
    cause: t(
      `The claim names no class and ${names.length} classes are marked default; Kubernetes picks the newest (${names[0]}), which may not be the one intended.`,
      `В заявке нет класса, а по умолчанию помечено классов: ${names.length}; Kubernetes берёт самый новый (${names[0]}) — возможно, не тот, что задумывали.`,
    ),
    evidence: names.map((n) => evidence(t('Default class', 'Класс по умолчанию'), n, { ref: refByName('storageclasses', n), source: 'storageclass.kubernetes.io/is-default-class' })),
    fix: [
      step(
        t('Keep one default: remove the annotation from the others', 'Оставьте один класс по умолчанию: снимите аннотацию с остальных'),
        command`kubectl annotate storageclass ${names[names.length - 1]} storageclass.kubernetes.io/is-default-class-`,
      ),
    ],
  });
}

function bindingDue(c: ClaimCase, pv: NonNullable<ReturnType<typeof analyseStatic>['matches'][number]>): Finding {
  const slow = ageOf(c.ctx.view, c.claim) > SLOW_WAIT_MS;
  if (controllerManagerDown(c.ctx.view)) {
    return finding({
      code: 'claim.binding-pending',
      object: c.ref,
      severity: 'problem',
      cause: t(
        `Volume ${pv.metadata?.name} fits this claim, but kube-controller-manager, which binds them, is not running (its leader lease is stale).`,
        `Том ${pv.metadata?.name} подходит заявке, но kube-controller-manager, который их связывает, не работает (его лидерский Lease устарел).`,
      ),
      evidence: [evidence(t('Fitting volume', 'Подходящий том'), volumeFacts(pv), { ref: refTo('persistentvolumes', pv) })],
      fix: [step(t('Check the controller manager', 'Проверьте controller manager'), 'kubectl get pods -n kube-system -l component=kube-controller-manager')],
    });
  }
  return finding({
    code: 'claim.binding-pending',
    object: c.ref,
    severity: slow ? 'warning' : undefined,
    cause: slow
      ? t(
          `Volume ${pv.metadata?.name} fits this claim, yet the claim is still unbound after ${duration(ageOf(c.ctx.view, c.claim)).en}: check that kube-controller-manager runs.`,
          `Том ${pv.metadata?.name} подходит заявке, но она не привязана уже ${duration(ageOf(c.ctx.view, c.claim)).ru}: проверьте, работает ли kube-controller-manager.`,
        )
      : t(`Volume ${pv.metadata?.name} fits this claim; the PV controller binds it on its next pass.`, `Том ${pv.metadata?.name} подходит заявке; PV-контроллер привяжет его при следующем проходе.`),
    evidence: [evidence(t('Fitting volume', 'Подходящий том'), volumeFacts(pv), { ref: refTo('persistentvolumes', pv) })],
    fix: slow ? [step(t('Check the controller manager', 'Проверьте controller manager'), 'kubectl get pods -n kube-system -l component=kube-controller-manager')] : [],
  });
}

function staticOnly(c: ClaimCase, className: string, extra: Evidence[]): Finding[] {
  const analysis = analyseStatic(c.ctx.view, c.claim, className);
  if (analysis.matches.length > 0) return [bindingDue(c, analysis.matches[0]!)];
  const why = className === '' ? t('asks for no class (""), so only static volumes can bind it', 'просит пустой класс (""), поэтому подойдёт только заранее созданный том') : t(`uses class ${className}, which provisions nothing`, `использует класс ${className}, который томов не создаёт`);
  const fixes = [
    describeStep(c),
    step(t('Create a PersistentVolume that fits the claim, or change the claim to fit an existing one (recreate it)', 'Создайте подходящий PersistentVolume или пересоздайте заявку так, чтобы она подошла к существующему'), 'kubectl get pv'),
  ];
  if (analysis.nearMisses.some((m) => m.differences.some((d) => d.field === 'released'))) {
    const released = analysis.nearMisses.find((m) => m.differences.some((d) => d.field === 'released'))!.volume.metadata?.name;
    fixes.push(
      step(
        t(`After checking its old data may be reused, free volume ${released} by removing its claimRef`, `Убедившись, что старые данные можно отдать, освободите том ${released}, удалив claimRef`),
        command`kubectl patch pv ${released} --type json -p ${'[{"op":"remove","path":"/spec/claimRef"}]'}`,
      ),
    );
  }
  const near = analysis.nearMisses.length > 0;
  return [
    finding({
      code: near ? 'claim.static-near-miss' : 'claim.no-matching-volume',
      object: c.ref,
      cause: near
        ? t(`The claim ${why.en}; no volume fits, but ${analysis.nearMisses.length} almost do (see what differs).`, `Заявка ${why.ru}; подходящего тома нет, но почти подходят: ${analysis.nearMisses.length} (см. отличия).`)
        : t(`The claim ${why.en}, and no PersistentVolume comes close.`, `Заявка ${why.ru}, и ни один PersistentVolume даже близко не подходит.`),
      evidence: [classEvidence(className), ...extra, ...nearMissEvidence(analysis.nearMisses), ...recentEvents(c, ['FailedBinding', 'ProvisioningFailed', 'VolumeMismatch'])],
      fix: fixes,
    }),
  ];
}

function classMissing(c: ClaimCase, className: string): Finding[] {
  const view = c.ctx.view;
  const analysis = analyseStatic(view, c.claim, className);
  if (analysis.matches.length > 0) return [bindingDue(c, analysis.matches[0]!)];
  if (view.kindState('storageclasses') !== 'synced') {
    return [pendingUnknown(c, t(`StorageClasses cannot be read (${view.kindState('storageclasses')}), so class ${className} cannot be checked.`, `StorageClass недоступны (${view.kindState('storageclasses')}), поэтому класс ${className} не проверить.`))];
  }
  const existing = view.list('storageclasses').map((s) => s.metadata?.name ?? '');
  return [
    finding({
      code: 'claim.class-missing',
      object: c.ref,
      cause: t(`The claim asks for StorageClass "${className}", which does not exist, so no volume will be provisioned.`, `Заявка просит StorageClass «${className}», которого нет, поэтому том не будет создан.`),
      evidence: [
        classEvidence(className),
        evidence(t('Classes that exist', 'Существующие классы'), existing.join(', ') || 'none', { source: 'storageclasses' }),
        ...nearMissEvidence(analysis.nearMisses),
        ...recentEvents(c, ['ProvisioningFailed']),
      ],
      fix: [
        step(t('Create the class, or recreate the claim with one of the existing classes (the class of a claim cannot be changed)', 'Создайте класс или пересоздайте заявку с существующим классом (класс заявки поменять нельзя)'), 'kubectl get storageclass'),
        describeStep(c),
      ],
    }),
  ];
}

function pendingUnknown(c: ClaimCase, why: { en: string; ru: string }): Finding {
  const last = c.events[0];
  return finding({
    code: 'claim.pending',
    object: c.ref,
    cause: why,
    evidence: last ? [eventEvidence(c.ctx.view, last)] : [],
    fix: [describeStep(c)],
  });
}

function withClass(c: ClaimCase, sc: StorageClass, className: string): Finding[] {
  const view = c.ctx.view;
  const annotations = c.claim.metadata?.annotations ?? {};
  const selectedNode = annotations['volume.kubernetes.io/selected-node'];
  const waitsForConsumer = sc.volumeBindingMode === 'WaitForFirstConsumer';
  const provisioner = sc.provisioner ?? '';
  const modeEvidence = evidence(t('Binding mode', 'Режим привязки'), sc.volumeBindingMode ?? 'Immediate', { ref: refTo('storageclasses', sc), source: 'volumeBindingMode' });

  if (waitsForConsumer && !selectedNode) {
    if (c.pods.length === 0) {
      return [
        finding({
          code: 'claim.wait-for-first-consumer',
          object: c.ref,
          cause: t(
            `Class ${className} binds on first use: the claim stays Pending until a pod that uses it is created and scheduled; then a volume is provisioned on that pod's node.`,
            `Класс ${className} привязывает том при первом использовании: заявка будет Pending, пока не создадут под, который её использует, и не назначат его на узел; тогда том создадут на этом узле.`,
          ),
          evidence: [modeEvidence, evidence(t('Pods using it', 'Поды, которые её используют'), 'none', { source: 'pod.spec.volumes' }), ...recentEvents(c, ['WaitForFirstConsumer'])],
          fix: [step(t('Nothing is wrong: create the pod (or workload) that mounts this claim', 'Всё в порядке: создайте под (или workload), который монтирует эту заявку'))],
        }),
      ];
    }
    return consumerNotScheduled(c, modeEvidence, className, provisioner);
  }

  // Immediate binding, or the scheduler has chosen a node: a fitting volume, else provisioning.
  const extra: Evidence[] = [modeEvidence];
  if (selectedNode) extra.push(evidence(t('Node chosen by the scheduler', 'Узел, выбранный планировщиком'), selectedNode, { ref: refByName('nodes', selectedNode), source: 'metadata.annotations[volume.kubernetes.io/selected-node]' }));
  if (provisioner === NO_PROVISIONER || provisioner === '') return staticOnly(c, className, extra);

  const analysis = analyseStatic(view, c.claim, className);
  if (analysis.matches.length > 0 && !waitsForConsumer) return [bindingDue(c, analysis.matches[0]!)];
  return provisioning(c, sc, extra);
}

function consumerNotScheduled(c: ClaimCase, modeEvidence: Evidence, className: string, provisioner: string): Finding[] {
  const view = c.ctx.view;
  const out: Finding[] = [];
  for (const pod of c.pods.filter((p) => !p.spec?.nodeName)) {
    const scheduled = condition(pod.status?.conditions, 'PodScheduled');
    const podRef = refTo('pods', pod);
    if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
      const failed = newestEvent(eventsAbout(view, 'pods', pod), ['FailedScheduling']);
      const staticEvidence = provisioner === NO_PROVISIONER || provisioner === '' ? nearMissEvidence(analyseStatic(view, c.claim, className).nearMisses) : [];
      out.push(
        finding({
          code: 'claim.consumer-unschedulable',
          object: c.ref,
          key: pod.metadata?.name,
          cause: t(
            `The claim waits for pod ${pod.metadata?.name} to be scheduled, and the scheduler cannot place it: ${scheduled.message ?? 'no reason given'}`,
            `Заявка ждёт, пока под ${pod.metadata?.name} назначат на узел, а планировщик не может его разместить: ${scheduled.message ?? 'причина не указана'}`,
          ),
          evidence: [
            modeEvidence,
            evidence(t('Pod condition PodScheduled', 'Условие пода PodScheduled'), scheduled.message ?? '', { ref: podRef, source: 'status.conditions[PodScheduled]' }),
            ...(failed ? [eventEvidence(view, failed)] : []),
            ...staticEvidence,
          ],
          fix: [step(t('See why the pod does not fit any node', 'Посмотрите, почему под не подходит ни одному узлу'), command`kubectl describe pod ${pod.metadata?.name} -n ${c.ns}`)],
        }),
      );
    }
  }
  if (out.length > 0) return out;
  const names = c.pods.filter((p) => !p.spec?.nodeName).map((p) => p.metadata?.name ?? '');
  if (names.length === 0) {
    // The scheduler binds the pod only after the claim's volume is settled; a scheduled pod with an unbound claim is a moment's state.
    return [pendingUnknown(c, t(`Pod ${c.pods[0]?.metadata?.name} is already on a node, yet the claim is not bound: binding is in progress or was undone.`, `Под ${c.pods[0]?.metadata?.name} уже на узле, а заявка не привязана: привязка идёт или была отменена.`))];
  }
  const oldest = Math.max(0, ...c.pods.map((p) => ageOf(view, p)));
  return [
    finding({
      code: 'claim.wait-for-pod-scheduled',
      object: c.ref,
      severity: oldest > SLOW_WAIT_MS ? 'warning' : undefined,
      cause: t(
        `The claim binds when its pod is scheduled; pod(s) ${names.join(', ')} are waiting for the scheduler.`,
        `Заявка привяжется, когда её под назначат на узел; ждут планировщика поды: ${names.join(', ')}.`,
      ),
      evidence: [modeEvidence, ...c.pods.map((p) => evidence(t('Pod using it', 'Под, который её использует'), p.metadata?.name ?? '', { ref: refTo('pods', p), source: 'spec.nodeName unset' })), ...recentEvents(c, ['WaitForPodScheduled'])],
      fix: oldest > SLOW_WAIT_MS ? [step(t('Check that the scheduler runs and look at the pod', 'Проверьте, что планировщик работает, и посмотрите под'), command`kubectl describe pod ${names[0]} -n ${c.ns}`)] : [],
    }),
  ];
}

function provisioning(c: ClaimCase, sc: StorageClass, extra: Evidence[]): Finding[] {
  const view = c.ctx.view;
  const provisioner = sc.provisioner ?? '';
  const health = c.ctx.provisioner(provisioner);
  const healthEvidence = health.reasons.map((r) => evidence(t(`Provisioner health: ${r.en}`, `Здоровье провизионера: ${r.ru}`), health.row.verdict, { source: `provisioner ${provisioner}` }));
  const base = [evidence(t('Provisioner', 'Провизионер'), provisioner, { ref: refTo('storageclasses', sc), source: 'provisioner' }), ...extra];

  if (c.claim.spec?.selector) {
    return [
      finding({
        code: 'claim.provisioning-failed',
        object: c.ref,
        cause: t('The claim has a selector: provisioners refuse claims with selectors, and no existing volume fits.', 'У заявки есть selector: провизионеры не создают тома для заявок с селектором, а подходящего тома нет.'),
        evidence: [...base, evidence(t('Selector', 'Селектор'), JSON.stringify(c.claim.spec.selector), { source: 'spec.selector' }), ...recentEvents(c, ['ProvisioningFailed'])],
        fix: [step(t('Recreate the claim without a selector, or create a volume that matches it', 'Пересоздайте заявку без селектора или создайте подходящий том'))],
      }),
    ];
  }
  if (health.row.verdict === 'dead') {
    return [
      finding({
        code: 'claim.provisioner-dead',
        object: c.ref,
        cause: t(`The claim waits for provisioner ${provisioner}, which is not running: ${health.reasons[0]?.en ?? ''}`, `Заявка ждёт провизионер ${provisioner}, а он не работает: ${health.reasons[0]?.ru ?? ''}`),
        evidence: [...base, ...healthEvidence, ...recentEvents(c, ['ExternalProvisioning', 'ProvisioningFailed'])],
        fix: [
          step(t('Find the provisioner pods and see why they do not run', 'Найдите поды провизионера и выясните, почему они не работают'), health.row.leaseNamespace ? command`kubectl get pods -n ${health.row.leaseNamespace}` : 'kubectl get pods -A'),
          step(t('Check its leader lease', 'Проверьте его лидерский Lease'), health.row.leaseNamespace ? command`kubectl get lease -n ${health.row.leaseNamespace}` : 'kubectl get lease -A'),
          describeStep(c),
        ],
      }),
    ];
  }
  const failed = newestEvent(c.events, ['ProvisioningFailed']);
  const succeeded = newestEvent(c.events, ['ProvisioningSucceeded']);
  if (failed && (!succeeded || (eventMillis(failed) ?? 0) > (eventMillis(succeeded) ?? 0))) {
    return [
      finding({
        code: 'claim.provisioning-failed',
        object: c.ref,
        cause: t(`Provisioner ${provisioner} tried to create the volume and failed: ${failed.message ?? ''}`, `Провизионер ${provisioner} пытался создать том, но не смог: ${failed.message ?? ''}`),
        evidence: [...base, eventEvidence(view, failed), ...healthEvidence],
        fix: [describeStep(c), step(t('Read the provisioner logs for the full error; fix the class parameters or the storage backend it names', 'Прочитайте логи провизионера; исправьте параметры класса или хранилище, о котором говорит ошибка'), health.row.leaseNamespace ? command`kubectl logs -n ${health.row.leaseNamespace} ${health.row.leaseHolder?.split('_')[0]}` : undefined)],
      }),
    ];
  }
  const slow = ageOf(view, c.claim) > SLOW_WAIT_MS;
  return [
    finding({
      code: 'claim.provisioning',
      object: c.ref,
      severity: slow ? 'warning' : undefined,
      cause: t(
        `Provisioner ${provisioner} (${health.row.verdict}) is asked to create a volume for the claim${slow ? `; it has waited ${duration(ageOf(view, c.claim)).en}` : ''}.`,
        `Провизионеру ${provisioner} (${verdictRu(health.row.verdict)}) поручено создать том для заявки${slow ? `; ожидание длится ${duration(ageOf(view, c.claim)).ru}` : ''}.`,
      ),
      evidence: [...base, ...healthEvidence, ...recentEvents(c, ['ExternalProvisioning', 'Provisioning'])],
      fix: slow ? [describeStep(c)] : [],
    }),
  ];
}

function verdictRu(v: string): string {
  return ({ alive: 'работает', degraded: 'с перебоями', dead: 'не работает', unknown: 'состояние неизвестно' } as Record<string, string>)[v] ?? v;
}

