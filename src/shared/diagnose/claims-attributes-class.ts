/**
 * A claim's VolumeAttributesClass (storage.k8s.io/v1, GA in Kubernetes 1.34): the class it names must exist, and
 * a change of class is applied by the driver's external-resizer sidecar (pkg/modifycontroller), which writes
 * status.modifyVolumeStatus: `Pending` while the class does not exist, `InProgress` while it calls the driver's
 * ControllerModifyVolume (condition `ModifyingVolume`, and `ModifyVolumeError` with the driver's error while it
 * retries), `Infeasible` when the driver refused with InvalidArgument (retried only slowly, or when the claim names
 * another class); on success status.currentVolumeAttributesClassName becomes the class and the conditions go.
 * Upstream: k8s.io/api core/v1 types.go (ModifyVolumeStatus, PersistentVolumeClaimModifyVolumeStatus),
 * kubernetes-csi/external-resizer pkg/modifycontroller/modify_volume.go and modify_status.go.
 *
 * Healthy and not reported: a claim whose volume has the class it asks for, a claim naming no class, a class no
 * claim uses, and a change under way for less than SLOW_WAIT_MS.
 */
import { verbatim } from '../verbatim';
import type { PersistentVolumeClaim, VolumeAttributesClass } from '../kube/objects';
import type { Evidence, Finding, FixStep, Localized } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import { SLOW_WAIT_MS } from './claims-common';
import type { DiagnoseContext } from './context';
import { evidence, finding, NOTE, step, t } from './finding';
import { condition, duration, eventEvidence, eventsAbout, millis, newestEvent, refByName, refTo } from './object-helpers';
import type { Rule } from './rule';
import { claimClassName } from './view';
import { command, withNames } from './shell-quote';

/**
 * external-resizer's event reasons (pkg/util). Seen on the lab (external-resizer v2.3.0): VolumeModify `external resizer
 * is modifying volume <claim> with vac <class>`, VolumeModifySuccessful, VolumeModifyFailed with the driver's gRPC
 * error (`rpc error: code = InvalidArgument desc = ...`) or `VAC "<class>" does not exist.`; on a refusal the
 * conditions ModifyingVolume (`Modifying volume to "<class>" failed. Waiting for retry.`) and ModifyVolumeError
 * (reason: the gRPC code, message: the driver's).
 */
const MODIFY_FAILED_REASONS = ['VolumeModifyFailed'];

interface AttributesCase {
  ctx: DiagnoseContext;
  claim: PersistentVolumeClaim;
  ref: ObjectRef;
  ns: string;
  name: string;
  /** spec.volumeAttributesClassName */
  wanted: string;
  /** status.currentVolumeAttributesClassName */
  current: string | undefined;
}

export function diagnoseAttributesClass(ctx: DiagnoseContext, claim: PersistentVolumeClaim): Finding[] {
  const wanted = claim.spec?.volumeAttributesClassName;
  if (!wanted || claim.metadata?.deletionTimestamp) return [];
  const c: AttributesCase = {
    ctx,
    claim,
    ref: refTo('persistentvolumeclaims', claim),
    ns: claim.metadata?.namespace ?? '',
    name: claim.metadata?.name ?? '',
    wanted,
    current: claim.status?.currentVolumeAttributesClassName || undefined,
  };
  // Without the list of classes (forbidden, not served, loading), a missing class cannot be told from an unread one.
  if (ctx.view.kindState('volumeattributesclasses') !== 'synced') return [];
  const vac = ctx.view.get('volumeattributesclasses', wanted);
  if (!vac) return [missingClass(c)];
  const mismatch = driverMismatch(c, vac);
  if (mismatch) return [mismatch];
  if (c.current === wanted) return [];
  const status = claim.status?.modifyVolumeStatus?.status;
  if (status === 'Infeasible') return [infeasible(c, vac)];
  if (status === 'InProgress') return slowInProgress(c, vac);
  return [];
}

function describeStep(c: AttributesCase): FixStep {
  return step(t('See the claim, its conditions and events', 'Посмотрите заявку, её условия и события'), command`kubectl describe pvc ${c.name} -n ${c.ns}`);
}

function wantedEvidence(c: AttributesCase, note?: Evidence['note']): Evidence {
  return evidence(t('Attributes class asked for', 'Запрошенный класс атрибутов'), c.wanted, {
    ref: refByName('volumeattributesclasses', c.wanted),
    source: 'spec.volumeAttributesClassName',
    ...(note ? { note } : {}),
  });
}

function currentEvidence(c: AttributesCase): Evidence {
  return c.current
    ? evidence(t('Attributes class applied', 'Применённый класс атрибутов'), c.current, { ref: refByName('volumeattributesclasses', c.current), source: 'status.currentVolumeAttributesClassName' })
    : evidence(t('Attributes class applied', 'Применённый класс атрибутов'), '', { source: 'status.currentVolumeAttributesClassName', note: NOTE.notSet });
}

function statusEvidence(c: AttributesCase): Evidence[] {
  const status = c.claim.status?.modifyVolumeStatus?.status;
  return status ? [evidence(t('Volume change', 'Изменение тома'), status, { source: 'status.modifyVolumeStatus.status' })] : [];
}

/** The driver's error as external-resizer wrote it into the ModifyVolumeError condition, and its newest event. */
function errorEvidence(c: AttributesCase): Evidence[] {
  const out: Evidence[] = [];
  const error = condition(c.claim.status?.conditions, 'ModifyVolumeError');
  if (error?.message) out.push(evidence(t('Condition ModifyVolumeError', 'Условие ModifyVolumeError'), error.message, { source: 'status.conditions[type=ModifyVolumeError].message' }));
  const event = newestEvent(eventsAbout(c.ctx.view, 'persistentvolumeclaims', c.claim), MODIFY_FAILED_REASONS);
  if (event) out.push(eventEvidence(c.ctx.view, event));
  return out;
}

/** Back to the class the volume has, when it has one (the claim then asks for nothing new). */
function revertStep(c: AttributesCase): FixStep[] {
  if (!c.current) return [];
  return [nameClassStep(c, c.current, t(`Or ask for the class the volume has again (${verbatim(c.current)})`, `Или снова запросите класс, который у тома уже есть (${verbatim(c.current)})`))];
}

/**
 * The CSI driver that would apply the class: the bound volume's (spec.csi.driver), else the claim's class's
 * provisioner (a CSI driver provisions under its own name). Undefined when neither is known.
 */
function driverOf(c: AttributesCase): { driver: string; source: string } | undefined {
  const view = c.ctx.view;
  const volumeName = c.claim.spec?.volumeName;
  const pvDriver = volumeName ? view.get('persistentvolumes', volumeName)?.spec?.csi?.driver : undefined;
  if (pvDriver) return { driver: pvDriver, source: 'persistentvolume.spec.csi.driver' };
  const className = claimClassName(c.claim) ?? view.defaultClasses()[0]?.metadata?.name;
  const provisioner = className ? view.get('storageclasses', className)?.provisioner : undefined;
  return provisioner ? { driver: provisioner, source: 'storageclass.provisioner' } : undefined;
}

/** The classes there are for the driver that would apply the class (the names a fix may point the claim at). */
function classesOfDriver(c: AttributesCase): { driver: string; source: string; names: string[] } | undefined {
  const driver = driverOf(c);
  if (!driver) return undefined;
  const names = c.ctx.view
    .list('volumeattributesclasses')
    .filter((v) => v.driverName === driver.driver)
    .map((v) => v.metadata?.name ?? '')
    .sort();
  return { ...driver, names };
}

function classesOfDriverEvidence(found: ReturnType<typeof classesOfDriver>): Evidence[] {
  if (!found) return [];
  return [
    evidence(t('Classes of its driver', 'Классы его драйвера'), found.names.join(', '), {
      source: `volumeattributesclass.driverName (driver from ${found.source})`,
      note: found.names.length === 0 ? t(`none for ${verbatim(found.driver)}`, `для ${verbatim(found.driver)} нет`) : t(`driver ${verbatim(found.driver)}`, `драйвер ${verbatim(found.driver)}`),
    }),
  ];
}

/**
 * What the sidecars said about the missing class: external-provisioner's ProvisioningFailed for a claim waiting for
 * its volume, external-resizer's VolumeModifyFailed (`VAC "platinum" does not exist.`) for a bound one; only events
 * that name the class.
 */
function missingClassEvents(c: AttributesCase): Evidence[] {
  const events = eventsAbout(c.ctx.view, 'persistentvolumeclaims', c.claim).filter((e) => e.message?.includes(c.wanted));
  const event = newestEvent(events, ['ProvisioningFailed', ...MODIFY_FAILED_REASONS]);
  return event ? [eventEvidence(c.ctx.view, event)] : [];
}

function missingClass(c: AttributesCase): Finding {
  const bound = c.claim.status?.phase === 'Bound';
  const found = classesOfDriver(c);
  const consequence = bound
    ? t(
        c.current ? `the volume keeps class ${verbatim(c.current)} and is not changed until the class exists` : 'the volume is not changed until the class exists',
        c.current ? `том остаётся с классом ${verbatim(c.current)} и не изменится, пока класса нет` : 'том не изменится, пока класса нет',
      )
    : t('no volume is created for it until the class exists', 'том для неё не создадут, пока класса нет');
  const other = found?.names.find((n) => n !== c.current);
  return finding({
    code: 'claim.attributes-class-missing',
    object: c.ref,
    cause: t(
      `The claim asks for VolumeAttributesClass ${verbatim(c.wanted)}, which does not exist: ${consequence.en}.`,
      `Заявка просит VolumeAttributesClass ${verbatim(c.wanted)}, которого не существует: ${consequence.ru}.`,
    ),
    evidence: [wantedEvidence(c, t('does not exist', 'не существует')), ...(bound ? [currentEvidence(c)] : []), ...statusEvidence(c), ...classesOfDriverEvidence(found), ...missingClassEvents(c)],
    fix: [
      ...(found?.names.length ? [step(t("See the classes of the volume's CSI driver", 'Посмотрите классы CSI-драйвера тома'), withNames(command`kubectl get volumeattributesclass`, found.names))] : []),
      // One of them other than the one the volume has (revertStep asks for that one).
      ...(other ? [nameClassStep(c, other, t(`Name one of them on the claim, e.g. ${verbatim(other)}`, `Укажите в заявке один из них, например ${verbatim(other)}`))] : []),
      step(t(`${found?.names.length ? 'Or create' : 'Create'} VolumeAttributesClass ${verbatim(c.wanted)} for the volume's CSI driver, with the parameters its documentation lists`, `${found?.names.length ? 'Или создайте' : 'Создайте'} VolumeAttributesClass ${verbatim(c.wanted)} для CSI-драйвера тома с параметрами из его документации`)),
      ...revertStep(c),
      describeStep(c),
    ],
  });
}

/**
 * A class written for another driver. external-provisioner refuses to create the volume (`VAC <class> referenced in
 * PVC is for driver <a> which does not match driver name <b>`), but external-resizer (v2.3.0, seen on the lab) does
 * not compare the names: it passes the class's parameters to the volume's driver and marks the change done.
 */
function driverMismatch(c: AttributesCase, vac: VolumeAttributesClass): Finding | undefined {
  const driver = driverOf(c);
  if (!driver || !vac.driverName || vac.driverName === driver.driver) return undefined;
  const bound = c.claim.status?.phase === 'Bound';
  const consequence = bound
    ? t(
        `its parameters were written for another driver, yet external-resizer passes them to ${verbatim(driver.driver)}, which may read them differently or ignore them`,
        `его параметры написаны для другого драйвера, но external-resizer всё равно передаёт их ${verbatim(driver.driver)}, который может понять их иначе или пропустить`,
      )
    : t(`external-provisioner refuses to create the volume with it`, `external-provisioner отказывается создавать с ним том`);
  const provisionEvent = bound ? undefined : newestEvent(eventsAbout(c.ctx.view, 'persistentvolumeclaims', c.claim).filter((e) => e.message?.includes('does not match driver name')), ['ProvisioningFailed']);
  return finding({
    code: 'claim.attributes-class-driver-mismatch',
    object: c.ref,
    cause: t(
      `The claim asks for VolumeAttributesClass ${verbatim(c.wanted)} of driver ${verbatim(vac.driverName)}, but its volume is ${bound ? '' : 'to be '}made by driver ${verbatim(driver.driver)}: ${consequence.en}.`,
      `Заявка просит VolumeAttributesClass ${verbatim(c.wanted)} драйвера ${verbatim(vac.driverName)}, а её том ${bound ? 'создан' : 'создаёт'} драйвер${bound ? 'ом' : ''} ${verbatim(driver.driver)}: ${consequence.ru}.`,
    ),
    evidence: [
      wantedEvidence(c),
      evidence(t('Driver of the class', 'Драйвер класса'), vac.driverName, { ref: refByName('volumeattributesclasses', c.wanted), source: 'volumeattributesclass.driverName' }),
      evidence(t('Driver of the volume', 'Драйвер тома'), driver.driver, { source: driver.source }),
      ...(bound ? [currentEvidence(c)] : []),
      ...(provisionEvent ? [eventEvidence(c.ctx.view, provisionEvent)] : []),
    ],
    fix: [
      step(t(`See the VolumeAttributesClasses: each names its driver (driverName)`, `Посмотрите VolumeAttributesClass: у каждого указан драйвер (driverName)`), withNames(command`kubectl get volumeattributesclass`, [c.wanted])),
      nameClassStep(c, '<class>', t(`Name a class of driver ${verbatim(driver.driver)} instead (put its name for <class>)`, `Укажите вместо него класс драйвера ${verbatim(driver.driver)} (его имя вместо <class>)`)),
      describeStep(c),
    ],
  });
}

/** The step that names another class on the claim: volumeAttributesClassName may be changed (KEP-3751). */
function nameClassStep(c: AttributesCase, className: string, text: Localized): FixStep {
  return step(text, command`kubectl patch pvc ${c.name} -n ${c.ns} --type merge -p ${`{"spec":{"volumeAttributesClassName":${JSON.stringify(className)}}}`}`);
}

function classEvidence(c: AttributesCase, vac: VolumeAttributesClass): Evidence {
  const params = Object.entries(vac.parameters ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return evidence(t('Its driver and parameters', 'Его драйвер и параметры'), `${vac.driverName ?? ''}${params ? `: ${params}` : ''}`, {
    ref: refByName('volumeattributesclasses', c.wanted),
    source: 'volumeattributesclass.driverName, parameters',
  });
}

function infeasible(c: AttributesCase, vac: VolumeAttributesClass): Finding {
  return finding({
    code: 'claim.modify-infeasible',
    object: c.ref,
    cause: t(
      `The driver refused to change the volume to VolumeAttributesClass ${verbatim(c.wanted)} (Infeasible): the volume keeps ${c.current ? `class ${verbatim(c.current)}` : 'its attributes'}, and the change is retried only rarely.`,
      `Драйвер отказался перевести том на VolumeAttributesClass ${verbatim(c.wanted)} (Infeasible): том остаётся ${c.current ? `с классом ${verbatim(c.current)}` : 'с прежними атрибутами'}, а повторные попытки редки.`,
    ),
    evidence: [wantedEvidence(c), classEvidence(c, vac), currentEvidence(c), ...statusEvidence(c), ...errorEvidence(c)],
    fix: [
      step(
        t("Read the driver's error: the class's parameters are not valid for this volume. Name another class", 'Прочитайте ошибку драйвера: параметры класса не подходят этому тому. Укажите другой класс'),
        command`kubectl get volumeattributesclass ${c.wanted} -o yaml`,
      ),
      ...revertStep(c),
      describeStep(c),
    ],
  });
}

/**
 * Since when the change is InProgress: the earlier of the ModifyingVolume condition's transition time and the first
 * VolumeModify event for this class (`external resizer is modifying volume <claim> with vac <class>`); the
 * condition may be rewritten on a retry, the event keeps its first time while it repeats.
 */
function inProgressSince(c: AttributesCase): number | undefined {
  const times: number[] = [];
  const fromCondition = millis(condition(c.claim.status?.conditions, 'ModifyingVolume')?.lastTransitionTime);
  if (fromCondition !== undefined) times.push(fromCondition);
  for (const e of eventsAbout(c.ctx.view, 'persistentvolumeclaims', c.claim)) {
    if (e.reason !== 'VolumeModify' || !e.message?.endsWith(`with vac ${c.wanted}`)) continue;
    const first = millis(e.firstTimestamp) ?? millis(e.eventTime);
    if (first !== undefined) times.push(first);
  }
  return times.length ? Math.min(...times) : undefined;
}

function slowInProgress(c: AttributesCase, vac: VolumeAttributesClass): Finding[] {
  const since = inProgressSince(c);
  if (since === undefined) return [];
  const age = c.ctx.view.now() - since;
  if (age <= SLOW_WAIT_MS) return [];
  const errors = errorEvidence(c);
  const driver = vac.driverName ?? '?';
  return [
    finding({
      code: 'claim.modify-slow',
      object: c.ref,
      cause: t(
        `The change of the volume to VolumeAttributesClass ${verbatim(c.wanted)} has been in progress for ${duration(age).en}${errors.length ? ': the driver keeps failing and it is retried' : ''}; most drivers take seconds to minutes.`,
        `Перевод тома на VolumeAttributesClass ${verbatim(c.wanted)} идёт уже ${duration(age).ru}${errors.length ? ': драйвер раз за разом отвечает ошибкой, попытки повторяются' : ''}; у большинства драйверов это занимает секунды или минуты.`,
      ),
      evidence: [
        wantedEvidence(c),
        currentEvidence(c),
        ...statusEvidence(c),
        evidence(t('In progress since', 'Идёт с'), new Date(since).toISOString(), { source: 'status.conditions[type=ModifyingVolume].lastTransitionTime, event VolumeModify' }),
        ...errors,
      ],
      fix: [
        step(
          t(
            `Check that the external-resizer sidecar of driver ${verbatim(driver)} runs, and read its log and the driver's`,
            `Проверьте, что сайдкар external-resizer драйвера ${verbatim(driver)} работает, и прочитайте его лог и лог драйвера`,
          ),
        ),
        ...revertStep(c),
        describeStep(c),
      ],
    }),
  ];
}

/** A claim's VolumeAttributesClass: missing, refused by the driver, or a change that hangs. */
export const attributesClassRule: Rule<'persistentvolumeclaims'> = {
  name: 'claim-attributes-class',
  subject: 'persistentvolumeclaims',
  run: diagnoseAttributesClass,
  reads: {
    volumeattributesclasses: ['claims-of-attributes-class'],
    // The driver that would apply a missing class: the bound volume's, else the claim's class's provisioner.
    persistentvolumes: ['claims-of-volume'],
    storageclasses: ['claims-of-class'],
    events: ['subject-of-event'],
  },
};
