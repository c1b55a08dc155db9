/**
 * When a volume counts as nearly full: by default a warning from 85 % used, a problem from 95 % (the same for
 * inodes); the user may set both (UsageSettings). Whole percents rounded down (usePercent), so 94.9 % is not yet a
 * problem. kubelet's own eviction thresholds are about the node (nodefs.available<10%, imagefs...); these are about
 * one volume, the levels kubectl df-pv colours.
 */
export const USAGE_WARNING_PERCENT = 85;
export const USAGE_PROBLEM_PERCENT = 95;

/** The whole percents from which a volume is nearly full: a warning, then a problem (warningPercent < problemPercent). */
export interface UsageThresholds {
  warningPercent: number;
  problemPercent: number;
}

export const DEFAULT_USAGE_THRESHOLDS: UsageThresholds = { warningPercent: USAGE_WARNING_PERCENT, problemPercent: USAGE_PROBLEM_PERCENT };

/**
 * What the user sets about volume usage, kept by the core across runs (core/usage-settings.ts) and applied to every
 * open cluster at once: how often each node's kubelet is asked, and the thresholds of the findings, the bars' colours
 * and `kse df`'s exit code.
 */
export interface UsageSettings extends UsageThresholds {
  /** Between polls of each node, ms (USAGE_INTERVAL_BOUNDS_MS). */
  intervalMs: number;
}

export const DEFAULT_USAGE_SETTINGS: UsageSettings = { intervalMs: 30_000, ...DEFAULT_USAGE_THRESHOLDS };

/**
 * Poll intervals the user may choose, ms: from 5 s (each round is one request per node through the API server,
 * so faster loads it for little) to 1 h (the kept history is 2 h: a longer interval leaves no trend).
 */
export const USAGE_INTERVAL_BOUNDS_MS = { min: 5_000, max: 3_600_000 } as const;
/** Thresholds the user may choose: warning 1..99 %, problem above the warning, at most 100 %. */
export const USAGE_PERCENT_BOUNDS = { min: 1, max: 100 } as const;

/**
 * Why these settings cannot be used (in English, for a ContractError), or undefined when they can: whole numbers
 * in their bounds, the warning below the problem.
 */
export function usageSettingsProblem(s: UsageSettings): string | undefined {
  const { min, max } = USAGE_INTERVAL_BOUNDS_MS;
  if (!Number.isInteger(s.intervalMs) || s.intervalMs < min || s.intervalMs > max) return `The poll interval must be a whole number of milliseconds from ${min} to ${max} (5 s to 1 h); it was ${s.intervalMs}.`;
  for (const [name, value] of [['warning', s.warningPercent], ['problem', s.problemPercent]] as const) {
    if (!Number.isInteger(value) || value < USAGE_PERCENT_BOUNDS.min || value > USAGE_PERCENT_BOUNDS.max) return `The ${name} threshold must be a whole percent from ${USAGE_PERCENT_BOUNDS.min} to ${USAGE_PERCENT_BOUNDS.max}; it was ${value}.`;
  }
  if (s.warningPercent >= s.problemPercent) return `The warning threshold (${s.warningPercent} %) must be below the problem threshold (${s.problemPercent} %).`;
  return undefined;
}

/** Which level a whole percent reaches under these thresholds (default 85 % / 95 %). */
export function usageLevel(percent: number | undefined, thresholds: UsageThresholds = DEFAULT_USAGE_THRESHOLDS): 'problem' | 'warning' | undefined {
  if (percent === undefined) return undefined;
  if (percent >= thresholds.problemPercent) return 'problem';
  if (percent >= thresholds.warningPercent) return 'warning';
  return undefined;
}
