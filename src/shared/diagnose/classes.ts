/** StorageClasses: several defaults, and the health of the provisioner each one names. */
import { counted } from '../plural';
import { verbatim } from '../verbatim';
import type { StorageClass } from '../kube/objects';
import type { Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { refTo } from './object-helpers';
import { healthEvidence } from './provisioners';
import { provisionerLeaseStep, provisionerPodsStep } from './provisioner-fixes';
import { command } from './shell-quote';
import { CLASSES } from './words';
import type { Rule } from './rule';

export function diagnoseClass(ctx: DiagnoseContext, sc: StorageClass): Finding[] {
  const out: Finding[] = [];
  const ref = refTo('storageclasses', sc);
  const name = sc.metadata?.name ?? '';
  const defaults = ctx.view.defaultClasses();
  if (defaults.length > 1 && defaults.some((d) => d.metadata?.name === name)) {
    const names = defaults.map((d) => d.metadata?.name ?? '');
    out.push(
      finding({
        code: 'class.several-defaults',
        object: ref,
        cause: t(
          `${counted(names.length, CLASSES).en} are marked default (${verbatim(names.join(', '))}): claims without a class get the newest one, which surprises people.`,
          `По умолчанию помечено классов: ${names.length} (${verbatim(names.join(', '))}); заявки без класса получают самый новый, и это сбивает с толку.`,
        ),
        evidence: names.map((n) => evidence(t('Default class', 'Класс по умолчанию'), n, { source: 'storageclass.kubernetes.io/is-default-class' })),
        fix: [step(t('Keep one default: remove the annotation from this class if it should not be one', 'Оставьте один класс по умолчанию: снимите аннотацию с этого класса, если он не должен им быть'), command`kubectl annotate storageclass ${name} storageclass.kubernetes.io/is-default-class-`)],
      }),
    );
  }
  const provisioner = sc.provisioner ?? '';
  if (!provisioner) return out;
  const health = ctx.provisioner(provisioner);
  const verdict = health.row.verdict;
  if (verdict === 'alive' || verdict === 'static') return out;
  // Failed provisioning on another class (its own parameters) does not make this class's provisioner unusable.
  const onlyProvisioningFailures = verdict === 'degraded' && (health.degradedBy ?? []).every((d) => d === 'provisioning');
  if (onlyProvisioningFailures && !(health.failingClasses ?? []).includes(name)) return out;
  const code = verdict === 'dead' ? 'class.provisioner-dead' : verdict === 'degraded' ? 'class.provisioner-degraded' : 'class.provisioner-unknown';
  const first = health.reasons[0] ?? t('', '');
  out.push(
    finding({
      code,
      object: ref,
      cause:
        verdict === 'dead'
          ? t(`Provisioner ${verbatim(provisioner)} of this class is not running: new claims of the class stay Pending. ${first.en}`, `Провизионер ${verbatim(provisioner)} этого класса не работает: новые заявки класса останутся в Pending. ${first.ru}`)
          : verdict === 'degraded'
            ? onlyProvisioningFailures
              ? t(`Provisioner ${verbatim(provisioner)} runs, but provisioning for this class fails (check the class parameters and the backend). ${health.reasons.at(-1)?.en ?? ''}`, `Провизионер ${verbatim(provisioner)} работает, но тома для этого класса создать не удаётся (проверьте параметры класса и хранилище). ${health.reasons.at(-1)?.ru ?? ''}`)
              : t(`Provisioner ${verbatim(provisioner)} of this class runs with problems. ${health.reasons.map((r) => r.en).join(' ')}`, `Провизионер ${verbatim(provisioner)} этого класса работает с проблемами. ${health.reasons.map((r) => r.ru).join(' ')}`)
            : t(`The health of provisioner ${verbatim(provisioner)} cannot be determined. ${first.en}`, `Состояние провизионера ${verbatim(provisioner)} определить нельзя. ${first.ru}`),
      evidence: healthEvidence(health),
      fix:
        verdict === 'unknown'
          ? []
          : [
              provisionerPodsStep(provisioner, health),
              ...(verdict === 'dead' ? [provisionerLeaseStep(provisioner, health)] : []),
            ],
    }),
  );
  return out;
}

/** A class: defaults, its provisioner. */
export const classRule: Rule<'storageclasses'> = {
  name: 'class',
  subject: 'storageclasses',
  run: diagnoseClass,
  reads: {
    // Several default classes see each other.
    storageclasses: ['default-classes'],
    provisioners: ['classes-of-provisioner'],
  },
};
