/**
 * Findings about a StatefulSet's claims, on the StatefulSet itself (issue 12 part 4):
 * - claims its templates cannot get past admission (statefulset-admission.ts);
 * - pods admission refuses for their ephemeral storage, by a LimitRange or a ResourceQuota (statefulset-pods.ts);
 * - a template naming a StorageClass that does not exist: every claim made from it stays Pending
 *   (the PV controller's "storageclass.storage.k8s.io \"x\" not found");
 * - claims left behind after a scale-down: with `persistentVolumeClaimRetentionPolicy.whenScaled: Retain` (the
 *   default) the controller keeps the claims of removed ordinals (pkg/controller/statefulset/stateful_set_utils.go,
 *   isClaimOwnerUpToDate / the retention policy), and a later scale-up reuses them with their old data (info).
 * Claim and pod names per ordinal follow the controller (statefulset-ordinals.ts).
 */
import { verbatim } from '../verbatim';
import type { StatefulSet } from '../kube/objects-owners';
import type { Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { refByName, refTo, unreadable } from './object-helpers';
import { command } from './shell-quote';
import { admissionFindings, type MissingClaims } from './statefulset-admission';
import { podAdmissionFindings } from './statefulset-pods';
import { claimName, claimTemplates, ordinalOfClaim, wantedOrdinals } from './statefulset-ordinals';
import { classStubStep } from './class-stub';
import type { Rule } from './rule';

/** Every finding about one StatefulSet. */
export function diagnoseStatefulSet(ctx: DiagnoseContext, set: StatefulSet): Finding[] {
  if (set.metadata?.deletionTimestamp) return [];
  const missing = missingClaims(ctx, set);
  return [...admissionFindings(ctx, set, missing), ...podAdmissionFindings(ctx, set), ...classFindings(ctx, set), ...retainedClaims(ctx, set)];
}

/** The class a claim from this template gets at admission: its own, or the newest default class ("" is none). */
function admittedClass(ctx: DiagnoseContext, name: string | null | undefined): string | undefined {
  if (name !== undefined && name !== null) return name === '' ? undefined : name;
  const defaults = [...ctx.view.defaultClasses()].sort((a, b) => (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''));
  return defaults[0]?.metadata?.name;
}

/** Per template, the wanted ordinals whose claim does not exist. Nothing when claims could not be read. */
function missingClaims(ctx: DiagnoseContext, set: StatefulSet): MissingClaims[] {
  if (ctx.view.kindState('persistentvolumeclaims') !== 'synced') return [];
  const ns = set.metadata?.namespace ?? '';
  const templates = set.spec?.volumeClaimTemplates ?? [];
  const out: MissingClaims[] = [];
  templates.forEach((template, index) => {
    if (!template.metadata?.name) return;
    const ordinals = wantedOrdinals(set).filter((n) => !ctx.view.get('persistentvolumeclaims', claimName(template, set, n), ns));
    if (ordinals.length > 0) out.push({ template, index, ordinals, className: admittedClass(ctx, template.spec?.storageClassName) });
  });
  return out;
}

function classFindings(ctx: DiagnoseContext, set: StatefulSet): Finding[] {
  if (unreadable(ctx.view, 'storageclasses')) return [];
  const ns = set.metadata?.namespace ?? '';
  const out: Finding[] = [];
  (set.spec?.volumeClaimTemplates ?? []).forEach((template, index) => {
    const className = template.spec?.storageClassName;
    const name = template.metadata?.name;
    if (!name || !className || ctx.view.get('storageclasses', className)) return;
    out.push(
      finding({
        code: 'statefulset.class-missing',
        object: refTo('statefulsets', set),
        key: name,
        cause: t(
          `Claim template ${verbatim(name)} asks for StorageClass ${verbatim(className)}, which does not exist: every claim made from it (${verbatim(claimName(template, set, wantedOrdinals(set)[0] ?? 0))}…) stays Pending and its pod waits. Create the class, or recreate the StatefulSet with a class that exists.`,
          `Шаблон заявки ${verbatim(name)} запрашивает StorageClass ${verbatim(className)}, которого нет: все заявки из него (${verbatim(claimName(template, set, wantedOrdinals(set)[0] ?? 0))}…) остаются в Pending, и их поды ждут. Создайте класс или пересоздайте StatefulSet с существующим классом.`,
        ),
        evidence: [
          evidence(t('Class asked for', 'Запрошенный класс'), className, { ref: refByName('storageclasses', className), source: `spec.volumeClaimTemplates[${index}].spec.storageClassName`, note: t('does not exist', 'не существует') }),
        ],
        fix: [
          classStubStep(ctx.view, className),
          step(
            t('Or use a class that exists: volumeClaimTemplates cannot be edited in place, so recreate the StatefulSet keeping its pods (--cascade=orphan), apply the manifest with an existing class, then delete the Pending claims so they are made again', 'Либо возьмите существующий класс: volumeClaimTemplates нельзя изменить на месте, поэтому пересоздайте StatefulSet, сохранив поды (--cascade=orphan), примените манифест с существующим классом и удалите заявки в Pending, чтобы они создались заново'),
            command`kubectl delete statefulset ${set.metadata?.name} -n ${ns} --cascade=orphan`,
          ),
        ],
      }),
    );
  });
  return out;
}

function retainedClaims(ctx: DiagnoseContext, set: StatefulSet): Finding[] {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled ?? 'Retain';
  if (policy !== 'Retain') return [];
  const ns = set.metadata?.namespace ?? '';
  const wanted = new Set(wantedOrdinals(set));
  const templates = claimTemplates(set);
  if (templates.length === 0) return [];
  const left: string[] = [];
  for (const claim of ctx.view.list('persistentvolumeclaims', ns)) {
    const name = claim.metadata?.name ?? '';
    for (const template of templates) {
      const ordinal = ordinalOfClaim(template, set, name);
      if (ordinal !== undefined && !wanted.has(ordinal)) left.push(name);
    }
  }
  if (left.length === 0) return [];
  left.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const setName = set.metadata?.name ?? '';
  return [
    finding({
      code: 'statefulset.claims-retained',
      object: refTo('statefulsets', set),
      cause: t(
        `Claims of ordinals the StatefulSet no longer runs remain (${left.length}: ${verbatim(left.join(', '))}): its retention policy keeps claims when it scales down (whenScaled: Retain), so their volumes and data stay, and a scale-up reuses them. Delete them only if that data is not needed.`,
        `Остались заявки номеров, которых StatefulSet больше не запускает (${left.length}: ${verbatim(left.join(', '))}): его политика хранения сохраняет заявки при уменьшении реплик (whenScaled: Retain), поэтому их тома и данные целы, и при увеличении реплик они снова будут использованы. Удаляйте их, только если эти данные не нужны.`,
      ),
      evidence: [
        evidence(t('Claim retention when scaled down', 'Хранение заявок при уменьшении реплик'), policy, { source: 'spec.persistentVolumeClaimRetentionPolicy.whenScaled', ...(set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled ? {} : { note: t('not set: Retain', 'не задано: Retain') }) }),
        evidence(t('Replicas', 'Реплики'), String(set.spec?.replicas ?? 1), { source: 'spec.replicas' }),
        ...left.slice(0, 10).map((name) => evidence(t('Claim left', 'Оставшаяся заявка'), name, { ref: refByName('persistentvolumeclaims', name, ns), source: 'metadata.name' })),
      ],
      fix: left.slice(0, 10).map((name) => step(t(`If its data is not needed, delete claim ${verbatim(name)}`, `Если данные не нужны, удалите заявку ${verbatim(name)}`), command`kubectl delete pvc ${name} -n ${ns}`)).concat(
        step(t('Or let the StatefulSet delete such claims itself from now on', 'Или пусть StatefulSet сам удаляет такие заявки'), command`kubectl patch statefulset ${setName} -n ${ns} --type=merge -p ${'{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenScaled":"Delete"}}}'}`),
      ),
    }),
  ];
}

/** A StatefulSet's claims: templates, limits, quotas, ordinals. */
export const statefulSetRule: Rule<'statefulsets'> = {
  name: 'statefulset',
  subject: 'statefulsets',
  run: diagnoseStatefulSet,
  reads: {
    // Its claims, made from its templates.
    persistentvolumeclaims: ['statefulsets-in-namespace'],
    // Its pods: one missing may be refused by admission.
    pods: ['statefulset-of-pod'],
    // Templates name classes, or the default one a quota counts per class.
    storageclasses: ['statefulsets'],
    limitranges: ['statefulsets-in-namespace'],
    resourcequotas: ['statefulsets-in-namespace'],
    events: ['subject-of-event'],
  },
};
