/**
 * A StorageClass to create when a claim (or a StatefulSet's claim template) names a class the cluster lacks
 * (issue 9 part 3): a manifest named exactly as the missing class, given to `kubectl apply` in a quoted
 * here-document (`<<'EOF'`: the shell expands nothing inside), with the provisioner of the cluster's default class
 * (or of its most used class, or a registered CSIDriver) filled in and every other provisioner the cluster has
 * offered as a commented-out `provisioner:` line to swap in.
 *
 * Names go into the manifest only when they are what the API server would accept (a class name is a DNS subdomain,
 * pkg/apis/storage/validation ValidateStorageClass; a provisioner a qualified name, validateProvisioner), so a hostile
 * name from a snapshot can neither end the here-document nor add a field; a value YAML 1.1 would read as another
 * type (`true`, `no`, `1e3`; kubectl's sigs.k8s.io/yaml reads YAML 1.1) is double-quoted.
 */
import type { StorageClass } from '../kube/objects';
import type { FixStep } from '../model/findings';
import { verbatim } from '../verbatim';
import { step, t } from './finding';
import { NO_PROVISIONER } from './provisioners';
import type { ClusterView } from './view';

/** A DNS subdomain (RFC 1123), as metadata.name of a cluster-scoped object: at most 253 characters. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A qualified name (optional DNS-subdomain prefix, a slash, a name of up to 63 characters), as a provisioner. */
const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** Plain scalars YAML 1.1 reads as booleans or null. */
const YAML_WORDS = /^(y|yes|n|no|true|false|on|off|null|~)$/i;
/** A float with no mantissa (`e0`, `E-1`): the `yaml` package's YAML 1.1 schema reads it as NaN, so it is quoted too. */
const EXPONENT_ONLY = /^[eE][-+]?[0-9_]+$/;

/** At most this many other provisioners are offered as commented-out lines. */
const MAX_OFFERED = 8;

/** A provisioner offered for the new class, and the class it was seen on (if any), whose modes the stub copies. */
export interface OfferedProvisioner {
  name: string;
  from?: StorageClass;
}

/**
 * The provisioners a new class could name, best first: the newest default class's, then those of other classes
 * (most classes first, then by name), then registered CSIDrivers no class names yet. kubernetes.io/no-provisioner
 * is left out (a class of hand-made volumes needs no StorageClass object), and so is any name the API would refuse.
 */
export function offeredProvisioners(view: ClusterView): OfferedProvisioner[] {
  const classes = view.list('storageclasses').filter((sc) => sc.provisioner && sc.provisioner !== NO_PROVISIONER && QUALIFIED_NAME.test(sc.provisioner));
  const count = new Map<string, number>();
  for (const sc of classes) count.set(sc.provisioner!, (count.get(sc.provisioner!) ?? 0) + 1);
  const defaults = view.defaultClasses().map((sc) => sc.provisioner);
  const rank = (p: string) => (defaults.includes(p) ? 0 : 1);
  const names = [...count.keys()].sort((a, b) => rank(a) - rank(b) || count.get(b)! - count.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const out: OfferedProvisioner[] = names.map((name) => {
    const from = view.defaultClasses().find((sc) => sc.provisioner === name) ?? classes.find((sc) => sc.provisioner === name);
    return from ? { name, from } : { name };
  });
  if (view.kindState('csidrivers') === 'synced') {
    const drivers = view
      .list('csidrivers')
      .map((d) => d.metadata?.name ?? '')
      .filter((n) => DNS_SUBDOMAIN.test(n) && !count.has(n))
      .sort();
    out.push(...drivers.map((name) => ({ name })));
  }
  return out;
}

/** A YAML scalar that reads back as exactly this string (the value has passed DNS_SUBDOMAIN or QUALIFIED_NAME). */
export function yamlString(value: string): string {
  return /^[A-Za-z]/.test(value) && !YAML_WORDS.test(value) && !EXPONENT_ONLY.test(value) ? value : JSON.stringify(value);
}

/** The manifest's lines: the missing class with the first provisioner, the others commented out below it. */
function manifest(className: string, offered: readonly OfferedProvisioner[]): string[] {
  const [chosen, ...others] = offered;
  const from = chosen!.from;
  const lines = ['apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', `  name: ${yamlString(className)}`, `provisioner: ${yamlString(chosen!.name)}`];
  lines.push(...others.slice(0, MAX_OFFERED).map((p) => `# provisioner: ${yamlString(p.name)}`));
  // The modes of the class the provisioner came from, so the new class behaves like the one that works.
  if (from?.reclaimPolicy === 'Delete' || from?.reclaimPolicy === 'Retain') lines.push(`reclaimPolicy: ${from.reclaimPolicy}`);
  if (from?.volumeBindingMode === 'Immediate' || from?.volumeBindingMode === 'WaitForFirstConsumer') lines.push(`volumeBindingMode: ${from.volumeBindingMode}`);
  return lines;
}

/**
 * The step that creates the missing class: `kubectl apply -f - <<'EOF'` with the manifest, and words naming the
 * provisioner chosen and the others offered. Without a provisioner to offer, or with a class name the API would
 * refuse, a step in words only (nothing on this cluster would make the volumes; a refused name is not a class).
 */
export function classStubStep(view: ClusterView, className: string): FixStep {
  const offered = offeredProvisioners(view);
  if (!DNS_SUBDOMAIN.test(className) || className.length > 253) {
    return step(t(`"${verbatim(className)}" is not a valid StorageClass name: no class of that name can be created; give the claim an existing class`, `«${verbatim(className)}» — недопустимое имя StorageClass: класс с таким именем создать нельзя; укажите в заявке существующий класс`));
  }
  if (offered.length === 0) {
    return step(
      t(
        `To create class ${verbatim(className)}, install a provisioner first: no class or CSIDriver on this cluster names one that could make its volumes`,
        `Чтобы создать класс ${verbatim(className)}, сначала установите провизионер: ни один класс или CSIDriver кластера не называет такой, который создавал бы его тома`,
      ),
    );
  }
  const chosen = offered[0]!;
  const others = offered.slice(1, 1 + MAX_OFFERED).map((p) => verbatim(p.name));
  const whose = chosen.from
    ? t(` (as class ${verbatim(chosen.from.metadata?.name)} does)`, ` (как у класса ${verbatim(chosen.from.metadata?.name)})`)
    : t(' (its CSIDriver is registered)', ' (его CSIDriver зарегистрирован)');
  const rest = others.length > 0 ? t(`; to use another, swap in one of the commented-out lines: ${others.join(', ')}`, `; чтобы взять другой, подставьте одну из закомментированных строк: ${others.join(', ')}`) : t('', '');
  const text = t(
    `If the class should exist, create it: this manifest names provisioner ${verbatim(chosen.name)}${whose.en}${rest.en}. Applying it writes to the cluster; save it to a file first if you want to edit it`,
    `Если такой класс нужен, создайте его: в этом манифесте провизионер ${verbatim(chosen.name)}${whose.ru}${rest.ru}. Применение изменяет кластер; чтобы отредактировать манифест, сначала сохраните его в файл`,
  );
  return step(text, ['kubectl apply -f - <<\'EOF\'', ...manifest(className, offered), 'EOF'].join('\n'));
}
