import { describe, expect, it } from 'vitest';
import { capacityFor, capacityOfCell, chooseClockOffset, duringScroll, finalWrites, matchWrites, serverOrder, summarizeLatency, summarizeLongTasks, type WriteRecord } from './screen-analysis';

const write = (key: string, m: number, sentAt: number, extra: Partial<WriteRecord> = {}): WriteRecord => ({ key, m, capacity: `${5120 + m}Mi`, sentAt, ackAt: sentAt + 10, ...extra });
const cell = (m: number) => `5Gi / ${5120 + m}Mi`;

describe('the value a write puts on screen', () => {
  it('is the claim\'s request plus m MiB, as the table writes it', () => {
    // claim 4 asks for 5Gi (manifests.ts claimSize)
    expect(capacityFor(4, 1)).toBe('5121Mi');
    expect(capacityFor(4, 1024)).toBe('6Gi');
    expect(capacityFor(0, 3)).toBe('1027Mi');
  });
  it('is read back from the Size cell\'s "requested / capacity"', () => {
    expect(capacityOfCell('5Gi / 5121Mi')).toBe('5121Mi');
    expect(capacityOfCell('5Gi')).toBeUndefined();
  });
});

describe('chooseClockOffset', () => {
  it('takes the midpoint of the shortest round trip', () => {
    const samples = [
      { sentAt: 1000, pageAt: 1520, receivedAt: 1040 },
      { sentAt: 2000, pageAt: 2503, receivedAt: 2004 },
      { sentAt: 3000, pageAt: 3530, receivedAt: 3020 },
    ];
    expect(chooseClockOffset(samples)).toEqual({ offset: 501, rtt: 4 });
  });
  it('refuses no samples', () => {
    expect(() => chooseClockOffset([])).toThrow(/no clock samples/);
  });
});

describe('matchWrites', () => {
  const offset = 1000; // page clock = ours + 1000
  it('times each write to the first showing of its value, in our clock', () => {
    const out = matchWrites([write('a/x', 1, 0), write('a/x', 2, 100)], [
      { at: 1000 + 50, key: 'a/x', text: cell(1) },
      { at: 1000 + 400, key: 'a/x', text: cell(2) },
    ], offset);
    expect(out.map((o) => [o.shownAt, o.exact])).toEqual([[50, true], [400, true]]);
  });
  it('counts a value replaced before it was drawn as shown by the newer one, not as dropped', () => {
    const out = matchWrites([write('a/x', 1, 0), write('a/x', 2, 100)], [{ at: 1000 + 300, key: 'a/x', text: cell(2) }], offset);
    expect(out.map((o) => [o.shownAt, o.exact])).toEqual([[300, false], [300, true]]);
    expect(summarizeLatency(out)).toMatchObject({ dropped: 0, superseded: 1 });
  });
  it('drops a write whose value never shows, and ignores texts no write made and failed writes', () => {
    const out = matchWrites(
      [write('a/x', 1, 0), write('b/y', 1, 0), write('b/y', 2, 10, { error: 'boom', ackAt: undefined })],
      [
        { at: 1000 + 5, key: 'a/x', text: '5Gi / 5Gi' },
        { at: 1000 + 60, key: 'a/x', text: cell(1) },
        { at: 1000 + 70, key: 'b/y', text: '5Gi / 5Gi' },
      ],
      offset,
    );
    expect(out).toHaveLength(2);
    expect(out.map((o) => o.shownAt)).toEqual([60, undefined]);
    expect(summarizeLatency(out)).toMatchObject({ writes: 2, dropped: 1, superseded: 0 });
  });
  it('ignores a value seen before the write that makes it was sent (left by an earlier run in the same lab)', () => {
    const out = matchWrites([write('a/x', 1, 500)], [{ at: 1000 + 10, key: 'a/x', text: cell(1) }, { at: 1000 + 700, key: 'a/x', text: cell(1) }], offset);
    expect(out.map((o) => o.shownAt)).toEqual([700]);
  });
  it('does not take an older value of the same claim as this write\'s', () => {
    const out = matchWrites([write('a/x', 1, 0), write('a/x', 2, 100)], [{ at: 1000 + 50, key: 'a/x', text: cell(1) }], offset);
    expect(out[1]?.shownAt).toBeUndefined();
  });
});

describe('the order the API server applied the writes in', () => {
  const a1 = write('a/x', 1, 0, { resourceVersion: '1200' });
  const a2 = write('a/x', 2, 100, { resourceVersion: '1199' });
  it('is by resourceVersion (a later write can be applied first), else by sending order', () => {
    expect(serverOrder([a1, a2]).map((w) => w.m)).toEqual([2, 1]);
    expect(serverOrder([write('a/x', 2, 0), write('a/x', 1, 0)]).map((w) => w.m)).toEqual([1, 2]);
    // Decimal revisions of different lengths compare as numbers, not as text.
    expect(serverOrder([write('a/x', 1, 0, { resourceVersion: '999' }), write('a/x', 2, 0, { resourceVersion: '1000' })]).map((w) => w.m)).toEqual([1, 2]);
  });
  it('a write the server applied before an earlier-sent one counts as shown when that one shows', () => {
    const out = matchWrites([a1, a2], [{ at: 1000 + 500, key: 'a/x', text: cell(1) }], 1000);
    expect(out.map((o) => [o.write.m, o.shownAt, o.exact])).toEqual([[1, 500, true], [2, 500, false]]);
    expect(summarizeLatency(out).dropped).toBe(0);
  });
  it('the value each row must end with is the last one applied', () => {
    expect(finalWrites([a1, a2, write('b/y', 1, 0), write('b/y', 2, 0, { error: 'boom' })]).map((w) => [w.key, w.m])).toEqual([['a/x', 1], ['b/y', 1]]);
  });
});

describe('summaries', () => {
  it('percentiles from the request and from the answer, over shown writes only', () => {
    const outcomes = [0, 1, 2, 3].map((k) => ({ write: write('a/x', k + 1, 0), shownAt: 100 * (k + 1), exact: true }));
    const s = summarizeLatency([...outcomes, { write: write('a/x', 9, 0), exact: false }]);
    expect(s.fromSent).toEqual({ p50: 200, p95: 400, max: 400 });
    expect(s.fromAck).toEqual({ p50: 190, p95: 390, max: 390 });
    expect(s.dropped).toBe(1);
  });
  it('no shown writes give no numbers rather than zeros', () => {
    expect(summarizeLatency([]).fromSent.p50).toBeNaN();
  });
  it('long tasks: count, total and longest', () => {
    expect(summarizeLongTasks([[0, 60], [100, 120]])).toEqual({ count: 2, totalMs: 180, maxMs: 120 });
    expect(summarizeLongTasks([])).toEqual({ count: 0, totalMs: 0, maxMs: 0 });
  });
});

describe('duringScroll', () => {
  const scroll = { start: 1000, end: 2000 };
  const at = (sentAt: number, shownAt?: number) => ({ write: write('a/x', 1, sentAt), exact: true, ...(shownAt === undefined ? {} : { shownAt }) });
  it('takes writes sent during the scroll, or in flight when it began', () => {
    expect(duringScroll(at(1500, 2500), scroll)).toBe(true);
    expect(duringScroll(at(900, 1100), scroll)).toBe(true);
    expect(duringScroll(at(900, 950), scroll)).toBe(false);
    expect(duringScroll(at(2100, 2200), scroll)).toBe(false);
    expect(duringScroll(at(1500, 2500), undefined)).toBe(false);
  });
});
