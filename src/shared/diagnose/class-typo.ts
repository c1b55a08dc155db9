/**
 * "Did you mean": the existing StorageClass a missing class name is most likely a typo of (trial 3 defect 17: a
 * claim asking for "lab-hostpth" beside the class "lab-hostpath"). Edit distance (Levenshtein: insertions,
 * deletions, substitutions, each 1) is a dozen lines, so it is written here rather than adding a dependency.
 */

/** Levenshtein distance between two strings, by code unit; O(a·b) time, O(b) memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The existing class `asked` is most likely a typo of: the nearest by edit distance, when it differs by at most 2
 * edits and by less than a third of the name (so "db" is not "a typo of" "fs"); ties are broken by name. Case
 * differences count (StorageClass names are lower case DNS subdomains, so "Fast" is a typo of "fast").
 */
export function likelyTypoOf(asked: string, existing: readonly string[]): { name: string; distance: number } | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of [...existing].sort()) {
    if (name === asked) continue;
    const distance = editDistance(asked, name);
    if (distance > 2 || distance * 3 >= Math.max(asked.length, name.length)) continue;
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best;
}
