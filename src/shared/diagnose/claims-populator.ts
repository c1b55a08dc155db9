/**
 * A Pending claim whose spec.dataSourceRef names a kind that neither the provisioner nor, as far as the cluster
 * says, any volume populator serves (issue 12 part 5). Such a claim waits for ever, quietly:
 *
 * - external-provisioner (pkg/controller/controller.go, `Provision`, v6.4.0) handles only VolumeSnapshot and
 *   PersistentVolumeClaim sources; for any other kind it records a Normal event `Provisioning` "Assuming an external
 *   populator will provision the volume" and ignores the claim.
 * - A populator built on kubernetes-csi/lib-volume-populator (populator-machinery/controller.go) writes events on
 *   the claim whose reasons start with `Populator` or `PopulateOperation` (PopulatorCreated, PopulatorFinished,
 *   PopulatorFailed, PopulateOperationStartSuccess...): seeing one means a populator works on it.
 * - kubernetes-csi/volume-data-source-validator (pkg/data-source-validator/data_source_validator.go) compares the
 *   kind with the VolumePopulator registrations (populator.storage.k8s.io/v1beta1, `sourceKind: {group, kind}`)
 *   and, when none matches, records a Warning `UnrecognizedDataSourceKind` "The datasource for this PVC does not
 *   match any registered VolumePopulator". Without its CRD, nobody says anything, and the app cannot tell either.
 *
 * A dataSourceRef in another namespace (spec.dataSourceRef.namespace, CrossNamespaceVolumeDataSource, alpha) is
 * honoured only with that feature gate on (API server and external-provisioner) and a ReferenceGrant
 * (gateway.networking.k8s.io/v1beta1) in the source's namespace; the app watches no ReferenceGrants, so it says what
 * the claim waits for and the provisioner's refusal when there is one.
 */
import { verbatim } from '../verbatim';
import type { PersistentVolumeClaim, VolumePopulator } from '../kube/objects';
import type { Evidence, Finding } from '../model/findings';
import type { ClaimCase } from './claims-common';
import { describeStep, recentEvents, SLOW_WAIT_MS } from './claims-common';
import { evidence, finding, step, t } from './finding';
import { ageOf, duration, eventEvidence, refTo } from './object-helpers';
import { command, withNames } from './shell-quote';
import { beforeNow } from './time-words';

/** The validator's Warning on a claim whose kind no VolumePopulator registers (data_source_validator.go). */
export const VALIDATOR_REASON = 'UnrecognizedDataSourceKind';
/** external-provisioner's Normal event when it leaves a claim to a populator (controller.go). */
const PROVISIONER_HANDS_OFF = 'Provisioning';

/** The group/kind of a claim's dataSourceRef, as the validator compares it ('' group: the core API). */
export interface SourceKind {
  group: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** The claim's dataSourceRef when it names something else than the provisioner's own sources, else undefined. */
export function populatorSource(claim: PersistentVolumeClaim): SourceKind | undefined {
  const ref = claim.spec?.dataSourceRef;
  if (!ref?.kind || !ref.name) return undefined;
  const group = ref.apiGroup ?? '';
  if ((group === '' && ref.kind === 'PersistentVolumeClaim') || (group === 'snapshot.storage.k8s.io' && ref.kind === 'VolumeSnapshot')) return undefined;
  return { group, kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) };
}

/** `kind.group` as kubectl and the validator's log print a GroupKind ("Hello.hello.example.com"; "ConfigMap" for core). */
export function groupKind(s: { group: string; kind: string }): string {
  return s.group ? `${s.kind}.${s.group}` : s.kind;
}

/**
 * external-provisioner's hand-off, among its other `Provisioning` events ("External provisioner is provisioning
 * volume for claim ..." comes first, often in the same second: both seen on the lab).
 */
function handOffEvidence(c: ClaimCase): Evidence[] {
  const e = c.events.find((x) => x.reason === PROVISIONER_HANDS_OFF && (x.message ?? '').startsWith('Assuming an external populator'));
  return e ? [eventEvidence(c.ctx.view, e)] : [];
}

/** Whether a populator has written events on the claim (lib-volume-populator's reasons). */
function populatorSeen(c: ClaimCase): boolean {
  return c.events.some((e) => /^(Populator|PopulateOperation)/.test(e.reason ?? ''));
}

/**
 * Findings for a Pending claim filled from a populator's kind or from another namespace; undefined when there is
 * nothing to say (a registered kind, a populator at work, or registrations the app cannot read).
 */
export function otherSourceFindings(c: ClaimCase): Finding[] | undefined {
  const cross = crossNamespaceFindings(c);
  if (cross) return cross;
  const source = populatorSource(c.claim);
  if (!source || populatorSeen(c)) return undefined;
  const view = c.ctx.view;
  const state = view.kindState('volumepopulators');
  if (state === 'synced') {
    const registered = view.list('volumepopulators');
    if (registered.some((p) => (p.sourceKind?.group ?? '') === source.group && p.sourceKind?.kind === source.kind)) return undefined;
    return [unregistered(c, source, registered)];
  }
  if (state === 'absent') return [noValidator(c, source)];
  return undefined;
}

function sourceEvidence(source: SourceKind): Evidence {
  return evidence(t('Data source', 'Источник данных'), `${groupKind(source)}/${source.name}`, { source: 'spec.dataSourceRef' });
}

function waitedEvidence(c: ClaimCase, age: number): Evidence {
  return evidence(t('Created', 'Создана'), c.claim.metadata?.creationTimestamp ?? '', { source: 'metadata.creationTimestamp', note: beforeNow(c.ctx.view, age) });
}

/** The CRD of the VolumePopulator API (volume-data-source-validator's client/config/crd). */
const POPULATOR_CRD = 'volumepopulators.populator.storage.k8s.io';

/** `registrations`: the VolumePopulators there are (undefined: their API is not served). */
function fixSteps(c: ClaimCase, source: SourceKind, registrations: readonly VolumePopulator[] | undefined) {
  const resource = source.group ? `${source.kind.toLowerCase()}.${source.group}` : source.kind.toLowerCase();
  const names = (registrations ?? []).map((p) => p.metadata?.name ?? '').filter(Boolean);
  const first =
    registrations === undefined
      ? step(t('Check whether the VolumePopulator CRD (volume-data-source-validator) is installed', 'Проверьте, установлен ли CRD VolumePopulator (volume-data-source-validator)'), command`kubectl get crd ${POPULATOR_CRD}`)
      : names.length
        ? step(t('See which kinds the installed populators register', 'Посмотрите, какие виды зарегистрированы установленными заполнителями'), withNames(command`kubectl get volumepopulators`, names))
        : step(t('No VolumePopulator exists: no populator has registered any kind', 'Ни одного VolumePopulator нет: ни один заполнитель не зарегистрировал свой вид'));
  return [
    first,
    step(
      t(`Check that the API of ${verbatim(groupKind(source))} exists and the source object is there; install the populator that serves it, or re-create the claim with another source (a claim's data source cannot be changed)`,
        `Проверьте, что API ${verbatim(groupKind(source))} существует и объект-источник на месте; установите заполнитель, который его обслуживает, или пересоздайте заявку с другим источником (источник данных заявки изменить нельзя)`),
      command`kubectl get ${resource} ${source.name} -n ${c.ns}`,
    ),
    describeStep(c),
  ];
}

function unregistered(c: ClaimCase, source: SourceKind, registrations: readonly VolumePopulator[]): Finding {
  const kinds = registrations.map((p) => groupKind({ group: p.sourceKind?.group ?? '', kind: p.sourceKind?.kind ?? '' }));
  return finding({
    code: 'claim.populator-missing',
    object: c.ref,
    cause: t(
      `The claim is to be filled from ${verbatim(groupKind(source))} ${verbatim(source.name)}, a kind no VolumePopulator registers and no populator has acted on: the provisioner leaves such claims to a populator, so it waits for ever.`,
      `Заявку нужно заполнить из ${verbatim(groupKind(source))} ${verbatim(source.name)}, а этот вид не зарегистрирован ни одним VolumePopulator, и ни один заполнитель за неё не взялся: провизионер оставляет такие заявки заполнителю, так что она будет ждать вечно.`,
    ),
    evidence: [
      sourceEvidence(source),
      ...(registrations.length
        ? registrations.map((p, i) => evidence(t('Registered kind', 'Зарегистрированный вид'), kinds[i]!, { ref: refTo('volumepopulators', p), source: 'VolumePopulator.sourceKind' }))
        : [evidence(t('Registered kinds', 'Зарегистрированные виды'), '', { source: 'VolumePopulator.sourceKind', note: t('none', 'ни одного') })]),
      ...recentEvents(c, [VALIDATOR_REASON]),
      ...handOffEvidence(c),
      waitedEvidence(c, ageOf(c.ctx.view, c.claim)),
    ],
    fix: fixSteps(c, source, registrations),
  });
}

function noValidator(c: ClaimCase, source: SourceKind): Finding {
  const age = ageOf(c.ctx.view, c.claim);
  const long = age > SLOW_WAIT_MS;
  return finding({
    code: 'claim.populator-missing',
    object: c.ref,
    severity: long ? 'warning' : 'info',
    cause: t(
      `The claim is to be filled from ${verbatim(groupKind(source))} ${verbatim(source.name)}, which only a volume populator can do, and none has acted on it yet. The volume-data-source-validator is not installed (no VolumePopulator API), so the app cannot tell whether a populator serves this kind${long ? `; after ${duration(age).en} of waiting, probably none does` : ''}.`,
      `Заявку нужно заполнить из ${verbatim(groupKind(source))} ${verbatim(source.name)}; это умеет только заполнитель томов (volume populator), а ни один за неё пока не взялся. volume-data-source-validator не установлен (API VolumePopulator нет), поэтому приложение не может сказать, обслуживает ли этот вид какой-нибудь заполнитель${long ? `; после ${duration(age).ru} ожидания — скорее всего, нет` : ''}.`,
    ),
    evidence: [
      sourceEvidence(source),
      evidence(t('VolumePopulator CRD', 'Определение (CRD) VolumePopulator'), POPULATOR_CRD, { source: 'CustomResourceDefinition.metadata.name', note: t('not installed: the API is not served', 'не установлен: API не обслуживается') }),
      ...handOffEvidence(c),
      waitedEvidence(c, age),
    ],
    fix: fixSteps(c, source, undefined),
  });
}

/** A claim whose dataSourceRef is in another namespace: what it needs, and the provisioner's refusal if any. */
function crossNamespaceFindings(c: ClaimCase): Finding[] | undefined {
  const ref = c.claim.spec?.dataSourceRef;
  if (!ref?.name || !ref.namespace || ref.namespace === c.ns) return undefined;
  const source: SourceKind = { group: ref.apiGroup ?? '', kind: ref.kind ?? '', name: ref.name, namespace: ref.namespace };
  // external-provisioner (controller.go, getDataSource...): the gate off, or no ReferenceGrant allowing it.
  const refusal = c.events.find((e) => e.reason === 'ProvisioningFailed' && /CrossNamespaceVolumeDataSource|ReferenceGrant|accessing .* is not allowed/i.test(e.message ?? ''));
  return [
    finding({
      code: 'claim.source-cross-namespace',
      object: c.ref,
      ...(refusal ? { severity: 'problem' as const } : {}),
      cause: refusal
        ? t(
            `The claim is to be filled from ${verbatim(groupKind(source))} ${verbatim(ref.name)} in namespace ${verbatim(ref.namespace)}, and the provisioner refused: ${verbatim(refusal.message ?? '')}`,
            `Заявку нужно заполнить из ${verbatim(groupKind(source))} ${verbatim(ref.name)} в пространстве имён ${verbatim(ref.namespace)}, а провизионер отказал: ${verbatim(refusal.message ?? '')}`,
          )
        : t(
            `The claim is to be filled from ${verbatim(groupKind(source))} ${verbatim(ref.name)} in another namespace, ${verbatim(ref.namespace)}: that needs the CrossNamespaceVolumeDataSource feature (alpha) on the API server and the provisioner, and a ReferenceGrant in ${verbatim(ref.namespace)} that allows claims from ${verbatim(c.ns)}. The app does not read ReferenceGrants.`,
            `Заявку нужно заполнить из ${verbatim(groupKind(source))} ${verbatim(ref.name)} из другого пространства имён, ${verbatim(ref.namespace)}: для этого нужна функция CrossNamespaceVolumeDataSource (alpha) на API-сервере и в провизионере и ReferenceGrant в ${verbatim(ref.namespace)}, разрешающий заявки из ${verbatim(c.ns)}. ReferenceGrant приложение не читает.`,
          ),
      evidence: [
        evidence(t('Data source', 'Источник данных'), `${groupKind(source)}/${ref.name}`, { source: 'spec.dataSourceRef' }),
        evidence(t('Source namespace', 'Пространство имён источника'), ref.namespace, { source: 'spec.dataSourceRef.namespace' }),
        ...(refusal ? [eventEvidence(c.ctx.view, refusal)] : []),
      ],
      fix: [
        step(t(`See the ReferenceGrants in ${verbatim(ref.namespace)}: one must name PersistentVolumeClaim from ${verbatim(c.ns)} and the source's kind`, `Посмотрите ReferenceGrant в ${verbatim(ref.namespace)}: один из них должен разрешать PersistentVolumeClaim из ${verbatim(c.ns)} и вид источника`), command`kubectl get referencegrants -n ${ref.namespace} -o yaml`),
        describeStep(c),
      ],
    }),
  ];
}
