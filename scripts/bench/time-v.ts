/** Reading GNU time's `-v` report (what `/usr/bin/time -v cmd` writes to stderr after the command's own stderr). */

export interface TimeReport {
  /** Wall clock in milliseconds. */
  elapsedMillis: number;
  /** RSS high-water mark in KiB ("Maximum resident set size (kbytes)"). */
  maxRssKib: number;
  userSeconds: number;
  systemSeconds: number;
  exitStatus: number;
}

/** "1:02.35" or "1:02:03" (h:mm:ss) or "0:00.41" -> milliseconds. */
export function parseElapsed(text: string): number {
  const parts = text.trim().split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) throw new Error(`unreadable elapsed time "${text}"`);
  const seconds = parts.reduce((total, part) => total * 60 + Number(part), 0);
  return Math.round(seconds * 1000);
}

function field(report: string, label: string): string {
  const line = report.split('\n').find((l) => l.trim().startsWith(`${label}:`));
  if (line === undefined) throw new Error(`GNU time report has no "${label}" line; is /usr/bin/time GNU time?`);
  return line.slice(line.indexOf(`${label}:`) + label.length + 1).trim();
}

/** Parses the report; throws naming the missing line when it is not there. */
export function parseTimeReport(stderr: string): TimeReport {
  return {
    // The label itself contains a colon: "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23".
    elapsedMillis: parseElapsed(field(stderr, 'Elapsed (wall clock) time (h:mm:ss or m:ss)')),
    maxRssKib: Number(field(stderr, 'Maximum resident set size (kbytes)')),
    userSeconds: Number(field(stderr, 'User time (seconds)')),
    systemSeconds: Number(field(stderr, 'System time (seconds)')),
    exitStatus: Number(field(stderr, 'Exit status')),
  };
}
