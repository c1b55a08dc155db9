import { describe, expect, it } from 'vitest';
import { age } from '../format/time';
import { sourceClock, sourceClockOffset, sourceTime } from './source-clock';

describe('sourceClockOffset', () => {
  const fetchedAt = Date.parse('2026-11-28T04:00:00Z');

  it('is the source time minus the fetch time', () => {
    expect(sourceClockOffset('2025-01-01T00:00:00Z', fetchedAt)).toBe(Date.parse('2025-01-01T00:00:00Z') - fetchedAt);
  });

  it('is 0 without a source time or for garbage', () => {
    expect(sourceClockOffset(undefined, fetchedAt)).toBe(0);
    expect(sourceClockOffset('not a time', fetchedAt)).toBe(0);
    expect(sourceClockOffset('2025-01-01T00:00:00Z', 0)).toBe(0);
  });

  it('makes ages read against the recording, not the wall clock', () => {
    const created = '2025-01-01T00:00:00Z';
    const offset = sourceClockOffset('2025-01-01T00:05:00Z', fetchedAt);
    // 30 s after the fetch, the recording is 5m30s past the creation.
    expect(age(created, fetchedAt + 30_000 + offset, 'en')).toBe('5m');
    expect(age(created, fetchedAt + 30_000, 'en')).not.toBe('5m');
  });
});

describe('sourceClock', () => {
  const fetchedAt = Date.parse('2026-11-28T04:00:00Z');
  const sourceNow = '2025-01-01T00:00:05Z';

  it('ticks with the browser while a replay plays (and for live clusters)', () => {
    const clock = sourceClock({ sourceNow, replay: { playing: true } }, fetchedAt);
    expect(sourceTime(clock, fetchedAt + 4000) - sourceTime(clock, fetchedAt)).toBe(4000);
    expect(sourceTime(sourceClock(undefined, fetchedAt), 123)).toBe(123);
  });

  it('stands still while the replay is paused or ended: ages do not count on', () => {
    const clock = sourceClock({ sourceNow, replay: { playing: false } }, fetchedAt);
    expect(sourceTime(clock, fetchedAt + 4000)).toBe(Date.parse(sourceNow));
    const created = '2025-01-01T00:00:00Z';
    expect(age(created, sourceTime(clock, fetchedAt + 60_000), 'en')).toBe(age(created, sourceTime(clock, fetchedAt), 'en'));
  });
});
