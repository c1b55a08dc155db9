/**
 * Why a claim is Pending. Follows the PV controller's syncUnboundClaim and the scheduler's volume binding:
 * a requested volume (spec.volumeName), then the class (none, default, missing, "" for static only),
 * then the binding mode (WaitForFirstConsumer waits for a scheduled pod), then static matches and finally
 * dynamic provisioning and the provisioner's health. Decided from objects; events are shown when they exist.
 */
import { counted, pluralForm } from '../plural';
import { verbatim } from '../verbatim';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../kube/objects';
import type { Evidence, Finding, FixStep, Localized } from '../model/findings';
import { compareQuantities, storageQuantity } from '../quantity';
import { consumerNotScheduled, provisioning } from './claims-consumer';
import { describeStep, pendingUnknown, recentEvents, SLOW_WAIT_MS, type ClaimCase } from './claims-common';
import { diagnoseRequestedVolume } from './claims-prebound';
import { restoreSourceFindings } from './claims-restore';
import type { DiagnoseContext } from './context';
import { evidence, finding, NOTE, step, t } from './finding';
import { ageOf, duration, eventsAbout, isPending, isPodFinished, refByName, refTo, unreadable } from './object-helpers';
import { controllerManagerDown, NO_PROVISIONER } from './provisioners';
import { command } from './shell-quote';
import { analyseStatic, nearMissEvidence, VOLUME_FACTS_SOURCE, volumeEvidence, type NearMiss } from './static-binding';
import { likelyTypoOf } from './class-typo';
import { classStubStep } from './class-stub';
import { recreateClaimSteps } from './recreate-claim';
import { forgetClaimUidStep, nearMissSteps, removeClaimRefStep } from './volume-fixes';
import { claimClassName } from './view';
import { ALMOST_FIT, CLASSES, VOLUMES } from './words';
import type { Rule } from './rule';

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

/**
 * The order in which Kubernetes picks among default classes (pkg/volume/util GetDefaultClass, used by the
 * admission plugin and the PV controller): newest first and, for classes created in the same second, by name.
 */
function newestFirst(a: StorageClass, b: StorageClass): number {
  const byAge = (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? '');
  if (byAge !== 0) return byAge;
  const x = a.metadata?.name ?? '';
  const y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function classEvidence(className: string | undefined, source = 'spec.storageClassName'): Evidence {
  // An empty class is said in words: a bare "" before "static volumes only" read as a quoted name (trial 3).
  return evidence(t('Class asked for', 'Запрошенный класс'), className ?? '', {
    source,
    ...(className ? { ref: refByName('storageclasses', className) } : {}),
    ...(className === undefined ? { note: NOTE.notSet } : className === '' ? { note: t('none (an empty string): hand-made volumes only', 'без класса (пустая строка): только заранее созданные тома') } : {}),
  });
}

function noClassAtAll(c: ClaimCase): Finding[] {
  const analysis = analyseStatic(c.ctx, c.claim, '');
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
        evidence(t('Default classes', 'Классы по умолчанию'), '', { source: 'storageclass.kubernetes.io/is-default-class', note: NOTE.none }),
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
      `The claim names no class and ${counted(names.length, CLASSES).en} are marked default; Kubernetes picks the newest (${verbatim(names[0])}), which may not be the one intended.`,
      `В заявке нет класса, а по умолчанию помечено классов: ${names.length}; Kubernetes берёт самый новый (${verbatim(names[0])}) — возможно, не тот, что задумывали.`,
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
        `Volume ${verbatim(pv.metadata?.name)} fits this claim, but kube-controller-manager, which binds them, is not running (its leader lease is stale).`,
        `Том ${verbatim(pv.metadata?.name)} подходит заявке, но kube-controller-manager, который их связывает, не работает (его лидерский Lease устарел).`,
      ),
      evidence: [volumeEvidence(t('Fitting volume', 'Подходящий том'), pv, { source: VOLUME_FACTS_SOURCE })],
      fix: [step(t('Check the controller manager', 'Проверьте controller manager'), 'kubectl get pods -n kube-system -l component=kube-controller-manager')],
    });
  }
  return finding({
    code: 'claim.binding-pending',
    object: c.ref,
    severity: slow ? 'warning' : undefined,
    cause: slow
      ? t(
          `Volume ${verbatim(pv.metadata?.name)} fits this claim, yet the claim is still unbound after ${duration(ageOf(c.ctx.view, c.claim)).en}: check that kube-controller-manager runs.`,
          `Том ${verbatim(pv.metadata?.name)} подходит заявке, но она не привязана уже ${duration(ageOf(c.ctx.view, c.claim)).ru}: проверьте, работает ли kube-controller-manager.`,
        )
      : t(`Volume ${verbatim(pv.metadata?.name)} fits this claim; the PV controller binds it on its next pass.`, `Том ${verbatim(pv.metadata?.name)} подходит заявке; PV-контроллер привяжет его при следующем проходе.`),
    evidence: [volumeEvidence(t('Fitting volume', 'Подходящий том'), pv, { source: VOLUME_FACTS_SOURCE })],
    fix: slow ? [step(t('Check the controller manager', 'Проверьте controller manager'), 'kubectl get pods -n kube-system -l component=kube-controller-manager')] : [],
  });
}

/**
 * A claim that only a pre-created volume can satisfy: class "", a class whose provisioner is
 * kubernetes.io/no-provisioner, or (`classObject: false`) a class name with no StorageClass object that PVs use
 * as a matching key, like "manual" in the Kubernetes docs. For the last, the PV controller still tries to
 * provision and records ProvisioningFailed `storageclass.storage.k8s.io "manual" not found`: expected, not the cause.
 */
function staticOnly(c: ClaimCase, className: string, extra: Evidence[], classObject = true): Finding[] {
  const analysis = analyseStatic(c.ctx, c.claim, className);
  if (analysis.matches.length > 0) return [bindingDue(c, analysis.matches[0]!)];
  const why =
    className === ''
      ? t('asks for no class (""), so only static volumes can bind it', 'просит пустой класс (""), поэтому подойдёт только заранее созданный том')
      : classObject
        ? t(`uses class ${verbatim(className)}, which provisions nothing`, `использует класс ${verbatim(className)}, который томов не создаёт`)
        : t(
            `uses class ${verbatim(className)}, which is only a name that hand-made volumes carry (no StorageClass object is needed, so the "${verbatim('not found')}" event is expected): only a PersistentVolume of class ${verbatim(className)} can bind it`,
            `использует класс ${verbatim(className)} — это лишь имя, которое носят созданные вручную тома (объект StorageClass для него не нужен, поэтому событие «${verbatim('not found')}» ожидаемо): привязать её может только PersistentVolume класса ${verbatim(className)}`,
          );
  const fixes = [describeStep(c), ...nearMissSteps(analysis.nearMisses)];
  if (analysis.nearMisses.length === 0) fixes.push(step(fitWanted(c.claim, className)));
  const released = analysis.nearMisses.find((m) => m.differences.some((d) => d.field === 'released'))?.volume;
  if (released) fixes.push(staleClaimRefStep(c, released));
  const near = analysis.nearMisses.length > 0;
  const gap = sizeGap(c.claim, analysis.nearMisses);
  return [
    finding({
      code: near ? 'claim.static-near-miss' : 'claim.no-matching-volume',
      object: c.ref,
      ...(gap ? { headline: gap } : {}),
      cause: near
        ? t(
            `The claim ${why.en}; no volume fits, but ${counted(analysis.nearMisses.length, VOLUMES).en} ${pluralForm('en', analysis.nearMisses.length, ALMOST_FIT)} (see what differs).`,
            `Заявка ${why.ru}; подходящего тома нет, но ${pluralForm('ru', analysis.nearMisses.length, ALMOST_FIT)} ${counted(analysis.nearMisses.length, VOLUMES).ru} (см. отличия).`,
          )
        : t(`The claim ${why.en}, and no PersistentVolume comes close.`, `Заявка ${why.ru}, и ни один PersistentVolume даже близко не подходит.`),
      evidence: [classEvidence(className), ...extra, ...nearMissEvidence(analysis.nearMisses), ...recentEvents(c, ['FailedBinding', 'ProvisioningFailed', 'VolumeMismatch'])],
      fix: fixes,
    }),
  ];
}

/**
 * When the near misses are too small (the PV controller's capacity check, checkVolumeSatisfyClaim): the claim is
 * stuck because no volume is big enough, with the gap named, the largest such volume against the request.
 */
function sizeGap(claim: PersistentVolumeClaim, nearMisses: readonly NearMiss[]): Localized | undefined {
  const requested = claim.spec?.resources?.requests?.['storage'];
  const small = nearMisses.filter((m) => m.differences.some((d) => d.field === 'size'));
  if (!requested || small.length === 0) return undefined;
  const size = (m: NearMiss) => storageQuantity(m.volume.spec?.capacity);
  const largest = small.reduce((a, b) => {
    const qa = size(a);
    const qb = size(b);
    return qa && qb && compareQuantities(qb, qa) > 0 ? b : a;
  });
  const name = largest.volume.metadata?.name ?? '';
  const has = largest.volume.spec?.capacity?.['storage'] ?? '—';
  return t(
    `Stuck: no volume is big enough (largest, ${verbatim(name)}: ${verbatim(has)} of ${verbatim(requested)} asked)`,
    `Застряла: ни один том не вмещает запрос (самый большой, ${verbatim(name)}: ${verbatim(has)} из запрошенных ${verbatim(requested)})`,
  );
}

/** Why a claim's class is changed by recreating it (ValidatePersistentVolumeClaimUpdate: a set class is immutable). */
const CLASS_IMMUTABLE = t("a claim's storageClassName cannot be changed once set", 'storageClassName заявки после создания изменить нельзя');

function classMissing(c: ClaimCase, className: string): Finding[] {
  const view = c.ctx.view;
  const analysis = analyseStatic(c.ctx, c.claim, className);
  if (analysis.matches.length > 0) return [bindingDue(c, analysis.matches[0]!)];
  const why = unreadable(view, 'storageclasses');
  if (why) return [pendingUnknown(c, t(`${why.en}, so class ${verbatim(className)} cannot be checked.`, `${why.ru}, поэтому класс ${verbatim(className)} не проверить.`))];
  const existing = view.list('storageclasses').map((s) => s.metadata?.name ?? '');
  const sameClass = view.list('persistentvolumes').filter((pv) => (pv.spec?.storageClassName ?? '') === className);
  if (sameClass.length > 0) {
    // Volumes of that class exist: the name is a static class (like "manual"), not a StorageClass to create.
    const names = sameClass.map((pv) => pv.metadata?.name ?? '');
    return staticOnly(c, className, [evidence(t('Volumes of this class', 'Тома этого класса'), names.join(', '), { source: 'persistentvolumes spec.storageClassName' })], false);
  }
  const typo = likelyTypoOf(className, existing);
  if (typo) return [classTypo(c, className, typo, existing)];
  return [
    finding({
      code: 'claim.class-missing',
      object: c.ref,
      cause: t(
        `The claim asks for StorageClass "${verbatim(className)}", which does not exist, so no volume will be provisioned; no PersistentVolume of that class exists either. If the class should exist, create it; if the name is a typo, recreate the claim with an existing class; if it names a class of hand-made volumes (such as "${verbatim('manual')}"), no StorageClass is needed: create a fitting PersistentVolume of that class.`,
        `Заявка просит StorageClass «${verbatim(className)}», которого нет, поэтому том не будет создан; PersistentVolume такого класса тоже нет. Если такой класс нужен, создайте его; если в имени опечатка, пересоздайте заявку с существующим классом; если это класс томов, создаваемых вручную (вроде «${verbatim('manual')}»), StorageClass не нужен — создайте подходящий PersistentVolume этого класса.`,
      ),
      evidence: [
        classEvidence(className),
        evidence(t('Classes that exist', 'Существующие классы'), existing.join(', '), { source: 'metadata.name (StorageClass)', ...(existing.length === 0 ? { note: NOTE.none } : {}) }),
        ...nearMissEvidence(analysis.nearMisses),
        ...recentEvents(c, ['ProvisioningFailed']),
      ],
      fix: [
        classStubStep(view, className),
        ...(existing.length > 0
          ? recreateClaimSteps(
              c.claim,
              t(`change storageClassName ${verbatim(className)} to one of: ${existing.map((n) => verbatim(n)).join(', ')}`, `замените storageClassName ${verbatim(className)} на один из: ${existing.map((n) => verbatim(n)).join(', ')}`),
              CLASS_IMMUTABLE,
              t('If the name is a typo, ', 'Если в имени опечатка, '),
            )
          : []),
        step(fitWanted(c.claim, className, t('A class of hand-made volumes: ', 'Класс томов, создаваемых вручную: '))),
        ...nearMissSteps(analysis.nearMisses),
        describeStep(c),
      ],
    }),
  ];
}

/**
 * A missing class whose name is a typo of an existing one: say which, and leave out the near-miss volumes (a claim
 * of a provisioned class is not waiting for a hand-made volume; listing them sent the trial's user astray).
 */
function classTypo(c: ClaimCase, className: string, typo: { name: string; distance: number }, existing: string[]): Finding {
  return finding({
    code: 'claim.class-missing',
    object: c.ref,
    cause: t(
      `The claim asks for StorageClass "${verbatim(className)}", which does not exist, so no volume will be provisioned. Did you mean "${verbatim(typo.name)}"? The names differ by ${typo.distance === 1 ? 'one character' : `${typo.distance} characters`}.`,
      `Заявка просит StorageClass «${verbatim(className)}», которого нет, поэтому том не будет создан. Возможно, имелся в виду «${verbatim(typo.name)}»: имена отличаются на ${typo.distance === 1 ? 'один символ' : `${typo.distance} символа`}.`,
    ),
    evidence: [
      classEvidence(className),
      evidence(t('Did you mean', 'Возможно, имелся в виду'), typo.name, {
        ref: refByName('storageclasses', typo.name),
        note: t(`${typo.distance === 1 ? 'one character' : `${typo.distance} characters`} apart`, `отличается на ${typo.distance === 1 ? 'один символ' : `${typo.distance} символа`}`),
        source: 'metadata.name (StorageClass)',
      }),
      evidence(t('Classes that exist', 'Существующие классы'), existing.join(', '), { source: 'metadata.name (StorageClass)' }),
      ...recentEvents(c, ['ProvisioningFailed']),
    ],
    fix: [
      step(t('Check the class it was meant to use', 'Проверьте класс, который имелся в виду'), command`kubectl get storageclass ${typo.name}`),
      ...recreateClaimSteps(c.claim, t(`change storageClassName: ${verbatim(className)} to storageClassName: ${verbatim(typo.name)}`, `замените storageClassName: ${verbatim(className)} на storageClassName: ${verbatim(typo.name)}`), CLASS_IMMUTABLE),
      describeStep(c),
    ],
  });
}

function withClass(c: ClaimCase, sc: StorageClass, className: string): Finding[] {
  const view = c.ctx.view;
  const annotations = c.claim.metadata?.annotations ?? {};
  const selectedNode = annotations['volume.kubernetes.io/selected-node'];
  const waitsForConsumer = sc.volumeBindingMode === 'WaitForFirstConsumer';
  const provisioner = sc.provisioner ?? '';
  const modeEvidence = evidence(t('Binding mode', 'Режим привязки'), sc.volumeBindingMode ?? 'Immediate', { ref: refTo('storageclasses', sc), source: 'StorageClass.volumeBindingMode' });

  if (waitsForConsumer && !selectedNode) {
    if (c.pods.length === 0) {
      return [
        finding({
          code: 'claim.wait-for-first-consumer',
          object: c.ref,
          cause: t(
            `Class ${verbatim(className)} binds on first use: the claim stays Pending until a pod that uses it is created and scheduled; then a volume is provisioned on that pod's node.`,
            `Класс ${verbatim(className)} привязывает том при первом использовании: заявка будет Pending, пока не создадут под, который её использует, и не назначат его на узел; тогда том создадут на этом узле.`,
          ),
          evidence: [modeEvidence, evidence(t('Pods using it', 'Поды, которые её используют'), '', { source: 'pod.spec.volumes', note: NOTE.none }), ...recentEvents(c, ['WaitForFirstConsumer'])],
          fix: [step(t('Nothing is wrong: create the pod (or workload) that mounts this claim', 'Всё в порядке: создайте под (или Deployment, StatefulSet), который монтирует эту заявку'))],
        }),
      ];
    }
    return consumerNotScheduled(c, modeEvidence, className, provisioner);
  }

  // Immediate binding, or the scheduler has chosen a node: a fitting volume, else provisioning.
  const extra: Evidence[] = [modeEvidence];
  if (selectedNode) extra.push(evidence(t('Node chosen by the scheduler', 'Узел, выбранный планировщиком'), selectedNode, { ref: refByName('nodes', selectedNode), source: 'metadata.annotations[volume.kubernetes.io/selected-node]' }));
  if (provisioner === NO_PROVISIONER || provisioner === '') return staticOnly(c, className, extra);

  const analysis = analyseStatic(c.ctx, c.claim, className);
  if (analysis.matches.length > 0 && !waitsForConsumer) return [bindingDue(c, analysis.matches[0]!)];
  // A snapshot or claim to fill it from, missing or not ready, holds the provisioner back (claims-restore.ts).
  return restoreSourceFindings(c) ?? provisioning(c, sc, extra);
}

/**
 * What a hand-made volume must offer to bind this claim, in words: its class, at least the size asked, the access
 * modes and volume mode asked (checkVolumeSatisfyClaim). `lead` starts the sentence when it is one option of several.
 */
function fitWanted(claim: PersistentVolumeClaim, className: string, lead: Localized = t('', '')): Localized {
  const size = claim.spec?.resources?.requests?.['storage'];
  const modes = (claim.spec?.accessModes ?? []).join(', ');
  const mode = claim.spec?.volumeMode ?? 'Filesystem';
  const cls = className ? t(`storageClassName ${verbatim(className)}`, `storageClassName ${verbatim(className)}`) : t('no class (storageClassName "")', 'без класса (storageClassName "")');
  return t(
    `${lead.en}create a PersistentVolume with ${cls.en}${size ? `, at least ${verbatim(size)}` : ''}${modes ? `, access modes ${verbatim(modes)}` : ''}, volumeMode ${verbatim(mode)}`,
    `${lead.ru}создайте PersistentVolume с ${cls.ru}${size ? `, не меньше ${verbatim(size)}` : ''}${modes ? `, режимы доступа ${verbatim(modes)}` : ''}, volumeMode ${verbatim(mode)}`,
  );
}

/**
 * A Released volume that still holds a claimRef blocks this claim. When the claimRef names this claim's
 * namespace/name (the claim was deleted and recreated), forgetting the old uid hands the volume to this claim alone;
 * otherwise the claimRef has to go, and any fitting claim may take the volume (volume-fixes.ts says what that does).
 */
function staleClaimRefStep(c: ClaimCase, pv: PersistentVolume): FixStep {
  const ref = pv.spec?.claimRef;
  const key = `${c.ns}/${c.name}`;
  return ref?.namespace === c.ns && ref.name === c.name ? forgetClaimUidStep(pv, key) : removeClaimRefStep(pv, key);
}

/** Why a claim waits: its requested volume, its class, the binding mode, static matches, provisioning. */
export const pendingClaimRule: Rule<'persistentvolumeclaims'> = {
  name: 'pending-claim',
  subject: 'persistentvolumeclaims',
  run: (ctx, claim) => (isPending(claim) ? diagnosePendingClaim(ctx, claim) : []),
  reads: {
    storageclasses: ['claims-of-class'],
    persistentvolumes: ['claims-of-volume', 'pending-claims-for-free-volume', 'waiting-pods-of-volume-claim', 'waiting-pods-for-free-volume'],
    // Its consumers' scheduling verdict (claims-consumer.ts) reads the pods' other claims; a clone waits for its
    // source claim (claims-restore.ts).
    persistentvolumeclaims: ['claims-sharing-pods', 'clones-of-claim'],
    // A restore waits for its snapshot (claims-restore.ts).
    volumesnapshots: ['claims-restored-from-snapshot'],
    // A populator's kind is judged against the VolumePopulator registrations (claims-populator.ts).
    volumepopulators: ['pending-claims'],
    pods: ['claims-of-pod'],
    events: ['subject-of-event'],
    // Through its consumers' verdict: where a waiting pod may run. Static binding's node check (a volume whose
    // nodes are gone) is not reached by a node change unless a pod waits for the claim.
    nodes: ['waiting-pods'],
    // A missing class's stub lists the drivers (class-stub.ts); capacity tracking is the driver's choice.
    csidrivers: ['pending-claims', 'waiting-pods'],
    csistoragecapacities: ['waiting-pods-of-class'],
    provisioners: ['pending-claims-of-provisioner'],
  },
};
