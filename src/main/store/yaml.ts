/**
 * Objects as YAML, the way `kubectl get -o yaml` prints them, so what a student reads here matches their terminal.
 *
 * kubectl's YAMLPrinter (k8s.io/cli-runtime/pkg/printers/yaml.go) calls sigs.k8s.io/yaml.Marshal: the object goes
 * to JSON, is read back into a generic map and written by gopkg.in/yaml.v2, which sorts the keys of every map
 * (sorter.go, keyList.Less). So keys are sorted at every level, with yaml.v2's rule: letters by code point,
 * non-letters before letters, runs of digits as numbers. For most kinds that puts `apiVersion` and `kind` first,
 * then `metadata`, `spec`, `status`; a StorageClass starts with `allowVolumeExpansion`, as kubectl prints it.
 * Lists keep their order. Scalars are quoted where YAML 1.1 (yaml.v2's dialect) would read them as another
 * type ("true", "yes", timestamps, "0777"), and lists sit at their key's indentation, as kubectl writes them.
 *
 * One deliberate difference: yaml.v2 folds long strings at 80 columns; here they stay on one line (the viewer
 * has a Wrap switch, and a folded message copies badly).
 */
import { stringify, type Pair } from 'yaml';

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** yaml.v2's `keyList.Less` for two string keys (gopkg.in/yaml.v2 sorter.go), code point by code point. */
export function kubectlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) continue;
    const al = LETTER.test(ac);
    const bl = LETTER.test(bc);
    if (al && bl) return ac.codePointAt(0)! < bc.codePointAt(0)!;
    if (al || bl) return bl;
    // Both are non-letters: compare the runs of digits that start here as numbers.
    let an = 0;
    let bn = 0;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && DIGIT.test(ar[ai]!); ai++) an = an * 10 + (ar[ai]!.codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && DIGIT.test(br[bi]!); bi++) bn = bn * 10 + (br[bi]!.codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac.codePointAt(0)! < bc.codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** A comparator over keys in kubectl's order. */
export function compareKubectlKeys(a: string, b: string): number {
  if (a === b) return 0;
  return kubectlKeyLess(a, b) ? -1 : kubectlKeyLess(b, a) ? 1 : 0;
}

function keyText(pair: Pair): string {
  const key = pair.key as { value?: unknown } | string | number | null;
  if (key !== null && typeof key === 'object') return String(key.value);
  return String(key);
}

/** The object as `kubectl get -o yaml` would print it (see the file comment for the one difference). */
export function toKubectlYaml(obj: unknown): string {
  return stringify(obj, {
    schema: 'yaml-1.1',
    sortMapEntries: (a, b) => compareKubectlKeys(keyText(a), keyText(b)),
    indentSeq: false,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
}
