import { describe, expect, it } from 'vitest';
import { parseElapsed, parseTimeReport } from './time-v';

// As GNU time 1.9 prints it (trimmed), after the command's own stderr.
const REPORT = `some warning from the command
\tCommand being timed: "node bin/kse.mjs sync --context lab-admin --json"
\tUser time (seconds): 2.31
\tSystem time (seconds): 0.40
\tPercent of CPU this job got: 118%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:02.29
\tAverage shared text size (kbytes): 0
\tMaximum resident set size (kbytes): 251344
\tFile system outputs: 0
\tExit status: 0
`;

describe('parseTimeReport', () => {
  it('reads wall time, peak RSS, CPU and exit status', () => {
    expect(parseTimeReport(REPORT)).toEqual({ elapsedMillis: 2290, maxRssKib: 251344, userSeconds: 2.31, systemSeconds: 0.4, exitStatus: 0 });
  });
  it('names the line it could not find', () => {
    expect(() => parseTimeReport('real 0m1.2s')).toThrow(/no "Elapsed \(wall clock\) time/);
  });
});

describe('parseElapsed', () => {
  it('m:ss.cc and h:mm:ss', () => {
    expect(parseElapsed('1:02.35')).toBe(62_350);
    expect(parseElapsed('1:00:03')).toBe(3_603_000);
  });
  it('rejects garbage', () => {
    expect(() => parseElapsed('soon')).toThrow(/unreadable/);
  });
});
