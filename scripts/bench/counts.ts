/** kse must have seen what kubectl sees: a benchmark of a wrong answer is no benchmark. */

export const COMPARED_KINDS = ['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'pods'] as const;

/** Throws naming the first kind whose counts differ (a kind missing on either side counts as a difference). */
export function checkCounts(kse: Readonly<Record<string, number>>, kubectl: Readonly<Record<string, number>>): void {
  for (const kind of COMPARED_KINDS) {
    if (kse[kind] === undefined || kse[kind] !== kubectl[kind]) {
      throw new Error(`kse counted ${kse[kind] ?? 'no'} ${kind}, kubectl ${kubectl[kind] ?? 'none'}: the sync is not exact, so its time means nothing.`);
    }
  }
}
