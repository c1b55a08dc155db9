/**
 * A Pending claim that is to be filled from a data source (issue 15 part 2): a VolumeSnapshot (restore) or another
 * claim (clone). external-provisioner (pkg/controller/controller.go, the data source checks before CreateVolume)
 * refuses to provision until the source exists and is ready: a snapshot with `status.readyToUse: true`, a claim that
 * is Bound. Until then the claim waits; a source that does not exist, or a snapshot that failed, makes it wait for
 * ever. Other kinds in dataSourceRef are served by volume populators, and a source in another namespace needs a
 * ReferenceGrant: claims-populator.ts judges both.
 */
import { verbatim } from '../verbatim';
import type { PersistentVolumeClaim, VolumeSnapshot } from '../kube/objects';
import type { Evidence, Finding } from '../model/findings';
import type { ClaimCase } from './claims-common';
import { describeStep, recentEvents } from './claims-common';
import { evidence, finding, step, t } from './finding';
import { refByName, unreadable } from './object-helpers';
import { otherSourceFindings } from './claims-populator';
import { recreateClaimSteps } from './recreate-claim';
import { command } from './shell-quote';

/** The claim's data source as the API server fills it: dataSourceRef wins, dataSource mirrors it (same namespace). */
export interface ClaimDataSource {
  kind: 'VolumeSnapshot' | 'PersistentVolumeClaim';
  name: string;
  field: 'spec.dataSourceRef' | 'spec.dataSource';
}

/** A snapshot or claim source in the claim's own namespace, or undefined (none, cross-namespace, or a populator's kind). */
export function claimDataSource(claim: PersistentVolumeClaim): ClaimDataSource | undefined {
  const ref = claim.spec?.dataSourceRef;
  const src = ref ?? claim.spec?.dataSource;
  if (!src?.name) return undefined;
  // A source in another namespace needs a ReferenceGrant (CrossNamespaceVolumeDataSource, alpha): not judged here.
  if (ref?.namespace && ref.namespace !== claim.metadata?.namespace) return undefined;
  const field = ref ? 'spec.dataSourceRef' : 'spec.dataSource';
  if (src.kind === 'VolumeSnapshot' && src.apiGroup === 'snapshot.storage.k8s.io') return { kind: 'VolumeSnapshot', name: src.name, field };
  if (src.kind === 'PersistentVolumeClaim' && !src.apiGroup) return { kind: 'PersistentVolumeClaim', name: src.name, field };
  return undefined;
}

const PROVISIONER_REASONS = ['ProvisioningFailed', 'ExternalProvisioning'];

/** Findings when the claim's source keeps it from being provisioned; undefined when the source is ready (or unknown, or served). */
export function restoreSourceFindings(c: ClaimCase): Finding[] | undefined {
  const source = claimDataSource(c.claim);
  if (!source) return otherSourceFindings(c);
  return source.kind === 'VolumeSnapshot' ? fromSnapshot(c, source) : fromClaim(c, source);
}

function sourceEvidence(c: ClaimCase, source: ClaimDataSource, note?: Evidence['note']): Evidence {
  const resource = source.kind === 'VolumeSnapshot' ? 'volumesnapshots' : 'persistentvolumeclaims';
  return evidence(t('Data source', 'Источник данных'), `${source.kind}/${source.name}`, { ref: refByName(resource, source.name, c.ns), source: source.field, ...(note ? { note } : {}) });
}

function fromSnapshot(c: ClaimCase, source: ClaimDataSource): Finding[] | undefined {
  const view = c.ctx.view;
  const snap = view.get('volumesnapshots', source.name, c.ns);
  if (!snap) {
    if (unreadable(view, 'volumesnapshots') !== undefined) return undefined;
    return [
      finding({
        code: 'claim.restore-source-missing',
        object: c.ref,
        cause: t(
          `The claim is to be restored from VolumeSnapshot ${verbatim(source.name)}, which does not exist in namespace ${verbatim(c.ns)}: the provisioner will not create the volume until it does.`,
          `Заявку нужно восстановить из VolumeSnapshot ${verbatim(source.name)}, которого нет в пространстве имён ${verbatim(c.ns)}: провизионер не создаст том, пока снимок не появится.`,
        ),
        evidence: [sourceEvidence(c, source, t('does not exist', 'не существует')), ...recentEvents(c, PROVISIONER_REASONS)],
        fix: [
          step(t('Check the snapshot\'s name', 'Проверьте имя снимка'), command`kubectl get volumesnapshot -n ${c.ns} ${source.name}`),
          ...recreateClaimSteps(c.claim, OTHER_SNAPSHOT, SOURCE_FIXED, t('If the name is wrong, ', 'Если имя неверно, ')),
          describeStep(c),
        ],
      }),
    ];
  }
  if (snap.status?.readyToUse === true) return undefined;
  return [notReady(c, source, snap)];
}

/** Why the source is changed by recreating the claim (ValidatePersistentVolumeClaimUpdate: the spec is immutable). */
const SOURCE_FIXED = t("a claim's data source cannot be changed", 'источник данных заявки изменить нельзя');
/** The edit to the saved claim when it is to be restored from another snapshot. */
const OTHER_SNAPSHOT = t('put the right snapshot\'s name in spec.dataSource.name and spec.dataSourceRef.name', 'впишите имя нужного снимка в spec.dataSource.name и spec.dataSourceRef.name');

function notReady(c: ClaimCase, source: ClaimDataSource, snap: VolumeSnapshot): Finding {
  const error = snap.status?.error?.message;
  return finding({
    code: 'claim.restore-source-not-ready',
    object: c.ref,
    ...(error ? { severity: 'problem' as const } : {}),
    cause: error
      ? t(
          `The claim is to be restored from VolumeSnapshot ${verbatim(source.name)}, which failed: it will never be ready, so the claim waits for ever.`,
          `Заявку нужно восстановить из VolumeSnapshot ${verbatim(source.name)}, а снимок завершился ошибкой: готов он не будет, и заявка будет ждать вечно.`,
        )
      : t(
          `The claim is to be restored from VolumeSnapshot ${verbatim(source.name)}, which is not ready yet: the volume is created once the snapshot is ready.`,
          `Заявку нужно восстановить из VolumeSnapshot ${verbatim(source.name)}, который ещё не готов: том создадут, когда снимок будет готов.`,
        ),
    evidence: [
      sourceEvidence(c, source),
      evidence(t('Snapshot ready to use', 'Снимок готов к использованию'), String(snap.status?.readyToUse ?? false), { ref: refByName('volumesnapshots', source.name, c.ns), source: 'VolumeSnapshot.status.readyToUse' }),
      ...(error ? [evidence(t('Snapshot error', 'Ошибка снимка'), error, { ref: refByName('volumesnapshots', source.name, c.ns), source: 'VolumeSnapshot.status.error.message' })] : []),
      ...recentEvents(c, PROVISIONER_REASONS),
    ],
    fix: [
      step(
        error ? t('See the snapshot and its error: a failed snapshot never becomes ready (its own finding says how to take it again)', 'Посмотрите снимок и его ошибку: неудавшийся снимок готов не будет (как сделать его заново, сказано в его собственном замечании)') : t('Wait for the snapshot; see why it is not ready', 'Дождитесь снимка; посмотрите, почему он не готов'),
        command`kubectl describe volumesnapshot -n ${c.ns} ${source.name}`,
      ),
      ...(error ? recreateClaimSteps(c.claim, OTHER_SNAPSHOT, SOURCE_FIXED, t('To restore from another snapshot, ', 'Чтобы восстановить из другого снимка, ')) : []),
    ],
  });
}

function fromClaim(c: ClaimCase, source: ClaimDataSource): Finding[] | undefined {
  const view = c.ctx.view;
  const from = view.get('persistentvolumeclaims', source.name, c.ns);
  if (from?.status?.phase === 'Bound') return undefined;
  if (!from && unreadable(view, 'persistentvolumeclaims') !== undefined) return undefined;
  const missing = !from;
  return [
    finding({
      code: missing ? 'claim.restore-source-missing' : 'claim.restore-source-not-ready',
      object: c.ref,
      cause: missing
        ? t(
            `The claim is to be cloned from claim ${verbatim(source.name)}, which does not exist in namespace ${verbatim(c.ns)}: the provisioner will not create the volume until it does.`,
            `Заявку нужно клонировать из заявки ${verbatim(source.name)}, которой нет в пространстве имён ${verbatim(c.ns)}: провизионер не создаст том, пока она не появится.`,
          )
        : t(
            `The claim is to be cloned from claim ${verbatim(source.name)}, which is ${from.status?.phase ?? 'Pending'}: a clone is made only from a bound claim.`,
            `Заявку нужно клонировать из заявки ${verbatim(source.name)}, а она в состоянии ${from.status?.phase ?? 'Pending'}: клон делают только из привязанной заявки.`,
          ),
      evidence: [sourceEvidence(c, source, missing ? t('does not exist', 'не существует') : undefined), ...recentEvents(c, PROVISIONER_REASONS)],
      fix: [step(missing ? t('Check the source claim\'s name', 'Проверьте имя исходной заявки') : t('See why the source claim is not bound', 'Посмотрите, почему исходная заявка не привязана'), command`kubectl describe pvc -n ${c.ns} ${source.name}`)],
    }),
  ];
}
