/**
 * Why a VolumeSnapshot is not ready to restore from (issue 15 part 2). Decided from the objects, as
 * external-snapshotter's two halves work: snapshot-controller (pkg/common-controller/snapshot_controller.go) reads the
 * VolumeSnapshotClass, checks that the source claim's volume is a CSI volume of the class's driver and creates a
 * VolumeSnapshotContent; the driver's csi-snapshotter sidecar (pkg/sidecar-controller) cuts the snapshot and marks the
 * content ready, and snapshot-controller copies readiness back. A failure is written to `status.error`; its message is
 * shown verbatim as evidence, and the finding says in words which object is wrong.
 */
import { verbatim } from '../verbatim';
import type { PersistentVolume, VolumeSnapshot, VolumeSnapshotClass, VolumeSnapshotContent } from '../kube/objects';
import type { Evidence, Finding, FixStep } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import type { DiagnoseContext } from './context';
import { evidence, finding, NOTE, step, t } from './finding';
import { ageOf, duration, refByName, refTo, unreadable } from './object-helpers';
import { SLOW_WAIT_MS } from './claims-common';
import { DNS_SUBDOMAIN, yamlString } from './class-stub';
import { command } from './shell-quote';
import type { Rule } from './rule';

/** A snapshot with what its rules read: its claim, the claim's volume, its class and its content, when they exist. */
interface SnapshotCase {
  ctx: DiagnoseContext;
  snap: VolumeSnapshot;
  ref: ObjectRef;
  ns: string;
  name: string;
  className: string | undefined;
  snapClass: VolumeSnapshotClass | undefined;
  claimName: string | undefined;
  volume: PersistentVolume | undefined;
  contentName: string | undefined;
  content: VolumeSnapshotContent | undefined;
}

/** Findings about one VolumeSnapshot, or none when it is ready to use. */
export function diagnoseSnapshot(ctx: DiagnoseContext, snap: VolumeSnapshot): Finding[] {
  const view = ctx.view;
  const ns = snap.metadata?.namespace ?? '';
  const className = snap.spec?.volumeSnapshotClassName;
  const claimName = snap.spec?.source?.persistentVolumeClaimName;
  const claim = claimName ? view.get('persistentvolumeclaims', claimName, ns) : undefined;
  const volumeName = claim?.spec?.volumeName;
  const contentName = snap.status?.boundVolumeSnapshotContentName ?? snap.spec?.source?.volumeSnapshotContentName;
  const c: SnapshotCase = {
    ctx,
    snap,
    ref: refTo('volumesnapshots', snap),
    ns,
    name: snap.metadata?.name ?? '',
    className,
    snapClass: className ? view.get('volumesnapshotclasses', className) : undefined,
    claimName,
    volume: volumeName ? view.get('persistentvolumes', volumeName) : undefined,
    contentName,
    content: contentName ? view.get('volumesnapshotcontents', contentName) : undefined,
  };
  // A ready snapshot whose content was deleted can no longer be restored from, whatever its status still says.
  if (contentName && !c.content && unreadable(view, 'volumesnapshotcontents') === undefined) return [contentMissing(c, contentName)];
  if (snap.status?.readyToUse === true) return [];
  if (className && !c.snapClass && unreadable(view, 'volumesnapshotclasses') === undefined) return [classMissing(c, className)];
  const mismatch = driverMismatch(c);
  if (mismatch) return [mismatch];
  if (claimName && !claim && unreadable(view, 'persistentvolumeclaims') === undefined && !contentName) return [sourceClaimMissing(c, claimName)];
  const error = snap.status?.error?.message ?? c.content?.status?.error?.message;
  if (error) return [failed(c, error)];
  return [notReady(c)];
}

function errorEvidence(c: SnapshotCase): Evidence[] {
  const own = c.snap.status?.error?.message;
  if (own) return [evidence(t('Error', 'Ошибка'), own, { source: 'status.error.message', ...(c.snap.status?.error?.time ? { at: c.snap.status.error.time } : {}) })];
  const content = c.content?.status?.error?.message;
  return content && c.contentName ? [evidence(t('Error of its content', 'Ошибка его содержимого'), content, { ref: refByName('volumesnapshotcontents', c.contentName), source: 'VolumeSnapshotContent.status.error.message' })] : [];
}

function classEvidence(c: SnapshotCase, className: string): Evidence {
  return evidence(t('Snapshot class', 'Класс снимков'), className, { ref: refByName('volumesnapshotclasses', className), source: 'spec.volumeSnapshotClassName' });
}

function describeStep(c: SnapshotCase): FixStep {
  return step(t('See the snapshot and its events', 'Посмотрите снимок и его события'), command`kubectl describe volumesnapshot -n ${c.ns} ${c.name}`);
}

/** A snapshot's spec cannot be changed (the CRD's validation makes it immutable): a fix is a new snapshot. */
const RECREATE = t(
  'A snapshot\'s spec cannot be edited: delete this snapshot and create it again with the right values',
  'Спецификацию снимка изменить нельзя: удалите этот снимок и создайте его заново с правильными значениями',
);

function classMissing(c: SnapshotCase, className: string): Finding {
  const driver = volumeDriver(c.volume);
  const classes = c.ctx.view.list('volumesnapshotclasses').filter((k) => driver === undefined || k.driver === driver);
  return finding({
    code: 'snapshot.class-missing',
    object: c.ref,
    cause: t(
      `The snapshot names VolumeSnapshotClass ${verbatim(className)}, which does not exist: snapshot-controller cannot know which driver cuts it, so it is never taken.`,
      `Снимок ссылается на VolumeSnapshotClass ${verbatim(className)}, которого нет: snapshot-controller не знает, какой драйвер должен сделать снимок, и снимок не создаётся.`,
    ),
    evidence: [
      classEvidence(c, className),
      evidence(driver ? t('Classes of its driver', 'Классы его драйвера') : t('Snapshot classes', 'Классы снимков'), classes.map((k) => k.metadata?.name ?? '').join(', '), {
        source: 'VolumeSnapshotClass.driver',
        ...(classes.length === 0 ? { note: NOTE.none } : driver ? { note: t(`driver ${driver}`, `драйвер ${driver}`) } : {}),
      }),
      ...errorEvidence(c),
    ],
    fix: [
      classes.length > 0
        ? step(t(`Use an existing class instead (${classes.map((k) => k.metadata?.name ?? '').join(', ')}). ${RECREATE.en}`, `Используйте существующий класс (${classes.map((k) => k.metadata?.name ?? '').join(', ')}). ${RECREATE.ru}`))
        : step(
            t(`Create VolumeSnapshotClass ${className} for the volume's CSI driver`, `Создайте VolumeSnapshotClass ${className} для CSI-драйвера тома`),
            classManifest(className, driver),
          ),
      describeStep(c),
    ],
  });
}

/**
 * `kubectl apply` of a VolumeSnapshotClass for the driver, in a quoted here-document (the shell expands nothing in
 * it), or undefined when the driver is unknown or a name is not a valid object name (no class could be created).
 */
function classManifest(className: string, driver: string | undefined): string | undefined {
  if (!driver || !DNS_SUBDOMAIN.test(className) || className.length > 253 || !DNS_SUBDOMAIN.test(driver)) return undefined;
  const lines = ['apiVersion: snapshot.storage.k8s.io/v1', 'kind: VolumeSnapshotClass', 'metadata:', `  name: ${yamlString(className)}`, `driver: ${yamlString(driver)}`, 'deletionPolicy: Delete'];
  return ["kubectl apply -f - <<'EOF'", ...lines, 'EOF'].join('\n');
}

/** The CSI driver of a volume, or undefined for a volume of another type (hostPath, local, NFS...). */
function volumeDriver(pv: PersistentVolume | undefined): string | undefined {
  return pv?.spec?.csi?.driver;
}

/** The volume type's field name (spec.hostPath -> "hostPath"), for saying what a non-CSI volume is. */
function volumeType(pv: PersistentVolume): string {
  const spec = (pv.spec ?? {}) as Record<string, unknown>;
  const skip = new Set(['accessModes', 'capacity', 'claimRef', 'mountOptions', 'nodeAffinity', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeMode', 'volumeAttributesClassName']);
  return Object.keys(spec).find((k) => !skip.has(k) && spec[k] !== undefined) ?? '';
}

/**
 * The source volume is not a CSI volume, or belongs to another driver than the class: snapshot-controller refuses it
 * ("cannot find CSI PersistentVolumeSource for volume", "snapshot class driver does not match").
 */
function driverMismatch(c: SnapshotCase): Finding | undefined {
  const pv = c.volume;
  if (!pv || !c.snapClass || !c.className) return undefined;
  const driver = volumeDriver(pv);
  const classDriver = c.snapClass.driver ?? '';
  if (driver !== undefined && driver === classDriver) return undefined;
  const pvName = pv.metadata?.name ?? '';
  const volumeEvidence =
    driver === undefined
      ? evidence(t('Its volume', 'Его том'), pvName, { ref: refByName('persistentvolumes', pvName), source: `PersistentVolume.spec.${volumeType(pv) || 'csi'}`, note: t(`not a CSI volume (${volumeType(pv) || 'unknown type'})`, `не CSI-том (${volumeType(pv) || 'тип неизвестен'})`) })
      : evidence(t('Driver of its volume', 'Драйвер его тома'), driver, { ref: refByName('persistentvolumes', pvName), source: 'PersistentVolume.spec.csi.driver' });
  return finding({
    code: 'snapshot.driver-mismatch',
    object: c.ref,
    cause:
      driver === undefined
        ? t(
            `Claim ${verbatim(c.claimName ?? '')} is on volume ${verbatim(pvName)}, which is not a CSI volume: only a CSI driver can take snapshots, so this one is never taken.`,
            `Заявка ${verbatim(c.claimName ?? '')} использует том ${verbatim(pvName)}, который не является CSI-томом: снимки умеет делать только CSI-драйвер, поэтому этот снимок не будет создан.`,
          )
        : t(
            `Class ${verbatim(c.className)} is for driver ${verbatim(classDriver)}, but claim ${verbatim(c.claimName ?? '')} is on a volume of driver ${verbatim(driver)}: a driver snapshots only its own volumes.`,
            `Класс ${verbatim(c.className)} предназначен для драйвера ${verbatim(classDriver)}, а заявка ${verbatim(c.claimName ?? '')} использует том драйвера ${verbatim(driver)}: драйвер делает снимки только своих томов.`,
          ),
    evidence: [
      classEvidence(c, c.className),
      evidence(t('Driver of the class', 'Драйвер класса'), classDriver, { ref: refByName('volumesnapshotclasses', c.className), source: 'VolumeSnapshotClass.driver' }),
      evidence(t('Source claim', 'Исходная заявка'), c.claimName ?? '', { ref: refByName('persistentvolumeclaims', c.claimName ?? '', c.ns), source: 'spec.source.persistentVolumeClaimName' }),
      volumeEvidence,
      ...errorEvidence(c),
    ],
    fix: [
      step(
        driver === undefined
          ? t('Snapshot only claims of a class whose provisioner is a CSI driver with snapshot support; for this data use a backup tool that copies files', 'Делайте снимки только заявок класса, провизионер которого — CSI-драйвер с поддержкой снимков; эти данные сохраните средством резервного копирования файлов')
          : t(`Use a VolumeSnapshotClass of driver ${driver}. ${RECREATE.en}`, `Используйте VolumeSnapshotClass драйвера ${driver}. ${RECREATE.ru}`),
      ),
      describeStep(c),
    ],
  });
}

function sourceClaimMissing(c: SnapshotCase, claimName: string): Finding {
  return finding({
    code: 'snapshot.source-claim-missing',
    object: c.ref,
    cause: t(
      `The snapshot is to be taken of claim ${verbatim(claimName)}, which does not exist in namespace ${verbatim(c.ns)}: there is nothing to snapshot.`,
      `Снимок должен быть сделан с заявки ${verbatim(claimName)}, которой нет в пространстве имён ${verbatim(c.ns)}: снимать нечего.`,
    ),
    evidence: [evidence(t('Source claim', 'Исходная заявка'), claimName, { ref: refByName('persistentvolumeclaims', claimName, c.ns), source: 'spec.source.persistentVolumeClaimName', note: t('does not exist', 'не существует') }), ...errorEvidence(c)],
    fix: [step(t(`Check the claim's name. ${RECREATE.en}`, `Проверьте имя заявки. ${RECREATE.ru}`), command`kubectl get pvc -n ${c.ns} ${claimName}`), describeStep(c)],
  });
}

function contentMissing(c: SnapshotCase, contentName: string): Finding {
  return finding({
    code: 'snapshot.content-missing',
    object: c.ref,
    cause: t(
      `The snapshot is bound to VolumeSnapshotContent ${verbatim(contentName)}, which no longer exists: the snapshot data is gone, and the snapshot cannot be restored from.`,
      `Снимок привязан к VolumeSnapshotContent ${verbatim(contentName)}, которого больше нет: данных снимка нет, восстановить из него нельзя.`,
    ),
    evidence: [evidence(t('Its content', 'Его содержимое'), contentName, { ref: refByName('volumesnapshotcontents', contentName), source: 'status.boundVolumeSnapshotContentName', note: t('does not exist', 'не существует') }), ...errorEvidence(c)],
    fix: [
      step(t(`Check that VolumeSnapshotContent ${verbatim(contentName)} is gone (NotFound)`, `Проверьте, что VolumeSnapshotContent ${verbatim(contentName)} нет (NotFound)`), command`kubectl get volumesnapshotcontent ${contentName}`),
      step(t('Take a new snapshot of the source claim', 'Сделайте новый снимок исходной заявки')),
      step(t('Then delete this snapshot: its data is already gone', 'Затем удалите этот снимок: его данных уже нет'), command`kubectl delete volumesnapshot ${c.name} -n ${c.ns}`),
      describeStep(c),
    ],
  });
}

function failed(c: SnapshotCase, message: string): Finding {
  return finding({
    code: 'snapshot.failed',
    object: c.ref,
    cause: t(`Taking the snapshot failed: ${verbatim(message)}`, `Снимок сделать не удалось: ${verbatim(message)}`),
    evidence: [...(c.className ? [classEvidence(c, c.className)] : []), ...errorEvidence(c)],
    fix: [describeStep(c)],
  });
}

function notReady(c: SnapshotCase): Finding {
  const age = ageOf(c.ctx.view, c.snap);
  const slow = age > SLOW_WAIT_MS;
  const driver = c.content?.spec?.driver ?? c.snapClass?.driver ?? volumeDriver(c.volume);
  // Who acts next: snapshot-controller makes the content; the driver's csi-snapshotter sidecar cuts the snapshot.
  const next = !c.contentName
    ? t('snapshot-controller has not created its VolumeSnapshotContent yet', 'snapshot-controller ещё не создал для него VolumeSnapshotContent')
    : t(`the csi-snapshotter sidecar of driver ${verbatim(driver ?? '?')} has not marked its content ready yet`, `сайдкар csi-snapshotter драйвера ${verbatim(driver ?? '?')} ещё не отметил его содержимое готовым`);
  return finding({
    code: 'snapshot.not-ready',
    object: c.ref,
    ...(slow ? { severity: 'warning' as const } : {}),
    cause: t(`The snapshot is not ready to use after ${duration(age).en}: ${next.en}.`, `Снимок не готов уже ${duration(age).ru}: ${next.ru}.`),
    evidence: [
      evidence(t('Ready to use', 'Готов к использованию'), String(c.snap.status?.readyToUse ?? false), { source: 'status.readyToUse' }),
      ...(c.contentName ? [evidence(t('Its content', 'Его содержимое'), c.contentName, { ref: refByName('volumesnapshotcontents', c.contentName), source: 'status.boundVolumeSnapshotContentName' })] : [evidence(t('Its content', 'Его содержимое'), '', { source: 'status.boundVolumeSnapshotContentName', note: NOTE.notSet })]),
      ...(c.className ? [classEvidence(c, c.className)] : []),
    ],
    fix: [
      step(
        slow
          ? t('This takes seconds on most drivers: check that snapshot-controller and the driver\'s csi-snapshotter run, and read their logs', 'У большинства драйверов это занимает секунды: проверьте, что snapshot-controller и csi-snapshotter драйвера работают, и прочитайте их логи')
          : t('Usually nothing to do: the snapshot becomes ready within seconds to minutes, depending on the size and the driver', 'Обычно ничего делать не нужно: снимок станет готов через секунды или минуты, в зависимости от размера и драйвера'),
      ),
      describeStep(c),
    ],
  });
}

/** The snapshot rule and what reaches it: its class, its content, its source claim and that claim's volume. */
export const snapshotRule: Rule<'volumesnapshots'> = {
  name: 'snapshot',
  subject: 'volumesnapshots',
  run: (ctx, snap) => diagnoseSnapshot(ctx, snap),
  reads: {
    volumesnapshotclasses: ['snapshots-of-class'],
    volumesnapshotcontents: ['snapshot-of-content'],
    persistentvolumeclaims: ['snapshots-of-claim'],
    persistentvolumes: ['snapshots-of-volume-claim'],
  },
};
