/**
 * The scheduler's "0/N nodes are available" sentence, taken apart. Upstream builds it in FitError.Error()
 * (kubernetes/kubernetes pkg/scheduler/framework/types.go):
 *
 *   "0/<N> nodes are available: <PreFilterMsg>. <FilterMsg>. <PostFilterMsg>"
 *
 * where FilterMsg is the histogram of per-node reasons, "<count> <reason>" sorted as strings and joined by ", ",
 * present only when no PreFilter plugin rejected the pod, and PostFilterMsg is the preemption plugin's own sentence
 * ("preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.").
 */

/** One group of nodes the scheduler rejected for the same reason, e.g. 2 × "node(s) didn't match Pod's node affinity/selector". */
export interface RejectedNodes {
  count: number;
  /** The reason verbatim, as the filter plugin wrote it. */
  reason: string;
}

export interface SchedulerVerdict {
  /** How many nodes the scheduler considered. */
  total: number;
  /** Per-node reasons (Filter), in the scheduler's order; empty when a PreFilter plugin rejected the pod. */
  groups: RejectedNodes[];
  /** A PreFilter plugin's reason for every node at once (e.g. "pod has unbound immediate PersistentVolumeClaims"). */
  preFilter?: string;
  /** The PostFilter (preemption) sentence, verbatim. */
  postFilter?: string;
}

const HEAD = /^0\/(\d+) nodes are available:\s*/;
const GROUP = /^(\d+) (.+)$/;

/**
 * Parses a FailedScheduling message or a PodScheduled condition message. Returns undefined for any other text
 * (a scheduler extender's or an older format's): callers then show the message as it is.
 */
export function parseSchedulerMessage(message: string | undefined): SchedulerVerdict | undefined {
  const head = HEAD.exec(message ?? '');
  if (!message || !head) return undefined;
  const total = Number(head[1]);
  let rest = message.slice(head[0].length);
  let postFilter: string | undefined;
  const pre = rest.indexOf(' preemption: ');
  if (pre >= 0) {
    postFilter = rest.slice(pre + 1).trim();
    rest = rest.slice(0, pre);
  } else if (rest.startsWith('preemption: ')) {
    postFilter = rest.trim();
    rest = '';
  }
  const body = rest.trim().replace(/\.$/, '');
  if (!body) return { total, groups: [], ...(postFilter ? { postFilter } : {}) };
  // Groups are "<count> <reason>" joined by ", "; a reason may itself hold ", " (taints print as {k: v}), so
  // split only where the next part starts with a count.
  const parts = body.split(/, (?=\d+ )/);
  const groups = parts.map((p) => GROUP.exec(p));
  if (groups.every((g): g is RegExpExecArray => g !== null)) {
    return { total, groups: groups.map((g) => ({ count: Number(g[1]), reason: g[2] ?? '' })), ...(postFilter ? { postFilter } : {}) };
  }
  return { total, groups: [], preFilter: body, ...(postFilter ? { postFilter } : {}) };
}
