/**
 * When a volume counts as nearly full: a warning from 85 % used, a problem from 95 % (the same for inodes). Whole
 * percents rounded down (usePercent), so 94.9 % is not yet a problem. kubelet's own eviction thresholds are about
 * the node (nodefs.available<10%, imagefs...); these are about one volume, the levels kubectl df-pv colours.
 */
export const USAGE_WARNING_PERCENT = 85;
export const USAGE_PROBLEM_PERCENT = 95;

/** Which level a whole percent reaches. */
export function usageLevel(percent: number | undefined): 'problem' | 'warning' | undefined {
  if (percent === undefined) return undefined;
  if (percent >= USAGE_PROBLEM_PERCENT) return 'problem';
  if (percent >= USAGE_WARNING_PERCENT) return 'warning';
  return undefined;
}
