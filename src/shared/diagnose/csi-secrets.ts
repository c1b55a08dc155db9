/**
 * Secrets that CSI storage needs and that do not exist: the ones a StorageClass names in its parameters (see
 * secret-params.ts for the external-provisioner's rules), resolved for a Pending claim (the provisioner Secret, read
 * while provisioning: a missing one fails CreateVolume with `error getting secret <name> in namespace <ns>`), and the
 * ones a PersistentVolume's spec.csi names (nodeStageSecretRef, nodePublishSecretRef: the kubelet cannot mount;
 * controllerPublishSecretRef: the external-attacher cannot attach; controllerExpandSecretRef, nodeExpandSecretRef:
 * the volume cannot be expanded).
 */
import { verbatim } from '../verbatim';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../kube/objects';
import type { Evidence, Finding, FixStep, Localized } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { isPending, refByName, refTo } from './object-helpers';
import { presenceOf } from './references';
import { isTemplated, provisionedVolumeName, resolveTemplate, SECRET_PURPOSES, secretTemplates, type SecretPurpose } from './secret-params';
import { recreateClassSteps } from './recreate-claim';
import { command } from './shell-quote';
import { claimClassName } from './view';
import type { Rule } from './rule';

/** What goes wrong without the Secret of each purpose. */
const CONSEQUENCE: Record<SecretPurpose['id'], Localized> = {
  provisioner: t('the provisioner cannot create volumes (CreateVolume needs it)', 'провизионер не может создавать тома (он нужен для CreateVolume)'),
  controllerPublish: t('the volumes cannot be attached to nodes (ControllerPublishVolume needs it)', 'тома нельзя подключить к узлам (он нужен для ControllerPublishVolume)'),
  nodeStage: t('the kubelet cannot mount the volumes (NodeStageVolume needs it)', 'kubelet не может смонтировать тома (он нужен для NodeStageVolume)'),
  nodePublish: t('the kubelet cannot mount the volumes into pods (NodePublishVolume needs it)', 'kubelet не может смонтировать тома в поды (он нужен для NodePublishVolume)'),
  controllerExpand: t('the volumes cannot be expanded (ControllerExpandVolume needs it)', 'тома нельзя расширить (он нужен для ControllerExpandVolume)'),
  nodeExpand: t('the file systems cannot be expanded on the nodes (NodeExpandVolume needs it)', 'файловые системы нельзя расширить на узлах (он нужен для NodeExpandVolume)'),
  controllerModify: t('the volumes cannot be modified with a VolumeAttributesClass (ControllerModifyVolume needs it)', 'тома нельзя изменить через VolumeAttributesClass (он нужен для ControllerModifyVolume)'),
};

function secretEvidence(label: Localized, namespace: string, name: string, source: string, note?: Localized): Evidence {
  return evidence(label, `${namespace}/${name}`, { ref: refByName('secrets', name, namespace), source, ...(note ? { note } : {}) });
}

const MISSING = t('does not exist', 'не существует');

/** The class's secret parameters: malformed ones (the provisioner refuses every claim), and fixed names that are missing. */
export function diagnoseClassSecrets(ctx: DiagnoseContext, sc: StorageClass): Finding[] {
  const out: Finding[] = [];
  const ref = refTo('storageclasses', sc);
  const name = sc.metadata?.name ?? '';
  for (const purpose of SECRET_PURPOSES) {
    const templates = secretTemplates(sc.parameters, purpose);
    if (!templates) continue;
    if ('error' in templates) {
      out.push(paramsInvalid(ref, name, purpose, templates.keys, templates.error));
      continue;
    }
    const namespace = resolveTemplate(templates.namespace, 'namespace', {});
    const secretName = resolveTemplate(templates.name, 'name', {});
    const invalid = [...('invalid' in namespace ? namespace.invalid : []), ...('invalid' in secretName ? secretName.invalid : [])];
    if (invalid.length > 0) {
      out.push(paramsInvalid(ref, name, purpose, templates.keys, `invalid tokens: ${invalid.map((token) => `"${token}"`).join(', ')}`));
      continue;
    }
    // Templated names are resolved per claim and checked on the claim (provisioner) or its volume (the others).
    if (isTemplated(templates.name) || isTemplated(templates.namespace)) continue;
    const presence = presenceOf(ctx.view, 'secrets', templates.namespace, templates.name);
    if (presence.state !== 'missing') continue;
    out.push(
      finding({
        code: 'class.secret-missing',
        object: ref,
        key: purpose.id,
        cause: t(
          `The class names Secret ${verbatim(`${templates.namespace}/${templates.name}`)} in ${verbatim(templates.keys[0])}, and it does not exist: ${CONSEQUENCE[purpose.id].en}.`,
          `Класс указывает Secret ${verbatim(`${templates.namespace}/${templates.name}`)} в ${verbatim(templates.keys[0])}, а его нет: ${CONSEQUENCE[purpose.id].ru}.`,
        ),
        evidence: [secretEvidence(t('Secret named by the class', 'Secret, указанный в классе'), templates.namespace, templates.name, `parameters["${templates.keys[0]}"]`, MISSING)],
        fix: [
          ...secretSteps(templates.namespace, templates.name),
          ...recreateClassSteps(name, t(`fix the Secret's name or namespace in parameters (${verbatim(templates.keys.join(', '))})`, `исправьте имя или пространство имён Secret в parameters (${verbatim(templates.keys.join(', '))})`), t('If the class names the wrong Secret, ', 'Если класс указывает не тот Secret, ')),
        ],
      }),
    );
  }
  return out;
}

function paramsInvalid(ref: ObjectRef, name: string, purpose: SecretPurpose, keys: string[], error: string): Finding {
  return finding({
    code: 'class.secret-params-invalid',
    object: ref,
    key: purpose.id,
    cause: t(
      `The external-provisioner refuses the class's secret parameters (${verbatim(keys.join(', '))}): ${verbatim(error)}. Every claim of the class fails to provision.`,
      `External-provisioner отвергает параметры секретов класса (${verbatim(keys.join(', '))}): ${verbatim(error)}. Ни одна заявка этого класса не получит том.`,
    ),
    evidence: keys.map((key) => evidence(t('Class parameter', 'Параметр класса'), key, { source: `parameters["${key}"]` })),
    fix: [
      ...recreateClassSteps(
        name,
        t(
          'give both the -secret-name and -secret-namespace keys; the namespace may use only ${pv.name} and ${pvc.namespace}, the name also ${pvc.name} and a claim annotation (${pvc.annotations[…]})',
          'задайте оба ключа, -secret-name и -secret-namespace; в пространстве имён допустимы только ${pv.name} и ${pvc.namespace}, в имени также ${pvc.name} и аннотацию заявки (${pvc.annotations[…]})',
        ),
      ),
    ],
  });
}

/** A Pending claim whose class's provisioner Secret, resolved for this claim, is missing (or cannot be checked). */
export function diagnoseClaimSecrets(ctx: DiagnoseContext, claim: PersistentVolumeClaim): Finding[] {
  if (claim.spec?.volumeName || claim.metadata?.deletionTimestamp) return [];
  const className = claimClassName(claim);
  const sc = className ? ctx.view.get('storageclasses', className) : undefined;
  const purpose = SECRET_PURPOSES[0]!;
  const templates = sc ? secretTemplates(sc.parameters, purpose) : undefined;
  if (!sc || !templates || 'error' in templates) return [];
  const ns = claim.metadata?.namespace ?? '';
  const inputs = { pvName: provisionedVolumeName(claim.metadata?.uid ?? ''), pvcNamespace: ns, pvcName: claim.metadata?.name ?? '', pvcAnnotations: claim.metadata?.annotations ?? {} };
  const namespace = resolveTemplate(templates.namespace, 'namespace', inputs);
  const name = resolveTemplate(templates.name, 'name', inputs);
  if (!('value' in namespace) || !('value' in name)) return [];
  const ref = refTo('persistentvolumeclaims', claim);
  const templated = isTemplated(templates.name) || isTemplated(templates.namespace);
  const from = evidence(t('Class parameters', 'Параметры класса'), `${templates.keys[0]}=${templates.name}, ${templates.keys[1]}=${templates.namespace}`, { ref: refTo('storageclasses', sc), source: `parameters["${templates.keys[0]}"]` });
  const presence = presenceOf(ctx.view, 'secrets', namespace.value, name.value);
  if (presence.state === 'unknown') {
    return [
      finding({
        code: 'claim.secret-unchecked',
        object: ref,
        cause: t(
          `The provisioner needs Secret ${verbatim(`${namespace.value}/${name.value}`)} to create this claim's volume; the app cannot check that it exists: ${presence.why.en}.`,
          `Провизионеру нужен Secret ${verbatim(`${namespace.value}/${name.value}`)}, чтобы создать том этой заявки; приложение не может проверить, существует ли он: ${presence.why.ru}.`,
        ),
        evidence: [from, secretEvidence(t('Provisioner Secret', 'Secret провизионера'), namespace.value, name.value, 'spec.storageClassName', t('cannot check', 'проверить нельзя'))],
        fix: [step(t('Check it with an account that may read it', 'Проверьте его от имени учётной записи с правами на чтение'), command`kubectl get secret ${name.value} -n ${namespace.value}`)],
      }),
    ];
  }
  if (presence.state !== 'missing') return [];
  return [
    finding({
      code: 'claim.secret-missing',
      object: ref,
      cause: t(
        `Class ${verbatim(className)} tells the provisioner to read Secret ${verbatim(`${namespace.value}/${name.value}`)}${templated ? ' (its parameters resolved for this claim)' : ''}, which does not exist: it cannot create the volume ("error getting secret"), so the claim stays Pending until the Secret exists.`,
        `Класс ${verbatim(className)} велит провизионеру прочитать Secret ${verbatim(`${namespace.value}/${name.value}`)}${templated ? ' (параметры подставлены для этой заявки)' : ''}, а его нет: том не будет создан («error getting secret»), и заявка останется в Pending, пока Secret не появится.`,
      ),
      evidence: [from, secretEvidence(t('Provisioner Secret for this claim', 'Secret провизионера для этой заявки'), namespace.value, name.value, 'spec.storageClassName', MISSING)],
      fix: secretSteps(namespace.value, name.value),
    }),
  ];
}

const VOLUME_PURPOSE: Record<NonNullable<SecretPurpose['volumeField']>, SecretPurpose['id']> = {
  controllerPublishSecretRef: 'controllerPublish',
  nodeStageSecretRef: 'nodeStage',
  nodePublishSecretRef: 'nodePublish',
  controllerExpandSecretRef: 'controllerExpand',
  nodeExpandSecretRef: 'nodeExpand',
};

/** A CSI PersistentVolume whose spec.csi names a Secret that does not exist. */
export function diagnoseVolumeSecrets(ctx: DiagnoseContext, pv: PersistentVolume): Finding[] {
  const csi = pv.spec?.csi;
  if (!csi || pv.metadata?.deletionTimestamp) return [];
  const out: Finding[] = [];
  const ref = refTo('persistentvolumes', pv);
  for (const [field, purpose] of Object.entries(VOLUME_PURPOSE) as [keyof typeof VOLUME_PURPOSE, SecretPurpose['id']][]) {
    const secretRef = csi[field];
    if (!secretRef?.name) continue;
    const namespace = secretRef.namespace ?? '';
    const presence = presenceOf(ctx.view, 'secrets', namespace, secretRef.name);
    if (presence.state === 'unknown') {
      out.push(
        finding({
          code: 'volume.secret-unchecked',
          object: ref,
          key: field,
          cause: t(
            `The volume's ${verbatim(field)} names Secret ${verbatim(`${namespace}/${secretRef.name}`)}; the app cannot check that it exists: ${presence.why.en}.`,
            `В ${verbatim(field)} тома указан Secret ${verbatim(`${namespace}/${secretRef.name}`)}; приложение не может проверить, существует ли он: ${presence.why.ru}.`,
          ),
          evidence: [secretEvidence(t('Secret named by the volume', 'Secret, указанный в томе'), namespace, secretRef.name, `spec.csi.${field}`, t('cannot check', 'проверить нельзя'))],
          fix: [step(t('Check it with an account that may read it', 'Проверьте его от имени учётной записи с правами на чтение'), command`kubectl get secret ${secretRef.name} -n ${namespace}`)],
        }),
      );
      continue;
    }
    if (presence.state !== 'missing') continue;
    out.push(
      finding({
        code: 'volume.secret-missing',
        object: ref,
        key: field,
        cause: t(
          `The volume's ${verbatim(field)} names Secret ${verbatim(`${namespace}/${secretRef.name}`)}, which does not exist: ${CONSEQUENCE[purpose].en}.`,
          `В ${verbatim(field)} тома указан Secret ${verbatim(`${namespace}/${secretRef.name}`)}, которого нет: ${CONSEQUENCE[purpose].ru}.`,
        ),
        evidence: [secretEvidence(t('Secret named by the volume', 'Secret, указанный в томе'), namespace, secretRef.name, `spec.csi.${field}`, MISSING)],
        fix: secretSteps(namespace, secretRef.name),
      }),
    );
  }
  return out;
}

/** The secrets provisioning a waiting claim needs. */
export const claimSecretsRule: Rule<'persistentvolumeclaims'> = {
  name: 'claim-secrets',
  subject: 'persistentvolumeclaims',
  run: (ctx, claim) => (isPending(claim) ? diagnoseClaimSecrets(ctx, claim) : []),
  reads: {
    storageclasses: ['claims-of-class'],
    secrets: ['pending-claims-of-secret-classes'],
  },
};
/** The secrets a class's parameters name. */
export const classSecretsRule: Rule<'storageclasses'> = {
  name: 'class-secrets',
  subject: 'storageclasses',
  run: diagnoseClassSecrets,
  reads: {
    secrets: ['classes-with-secret-parameters'],
  },
};
/** The secrets a CSI volume's references name. */
export const volumeSecretsRule: Rule<'persistentvolumes'> = {
  name: 'volume-secrets',
  subject: 'persistentvolumes',
  run: diagnoseVolumeSecrets,
  reads: {
    secrets: ['volumes-naming-secret'],
  },
};

/**
 * The steps for a missing Secret: see the namespace's Secrets (it may be there under another name), then create it
 * with the keys the CSI driver's documentation lists (`<key>=<value>` is the user's to fill in).
 */
function secretSteps(namespace: string, name: string): FixStep[] {
  return [
    step(t(`See the Secrets in namespace ${verbatim(namespace)}: is it there under another name?`, `Посмотрите Secret в пространстве имён ${verbatim(namespace)}: нет ли его под другим именем?`), command`kubectl get secret -n ${namespace}`),
    step(
      t(`Create Secret ${verbatim(name)} in namespace ${verbatim(namespace)} with the credentials the CSI driver expects: one --from-literal per key its documentation lists`, `Создайте Secret ${verbatim(name)} в пространстве имён ${verbatim(namespace)} с учётными данными, которых ждёт CSI-драйвер: по одному --from-literal на каждый ключ из его документации`),
      command`kubectl create secret generic ${name} -n ${namespace} --from-literal=${'<key>=<value>'}`,
    ),
  ];
}
