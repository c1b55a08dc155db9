import { describe, expect, it } from 'vitest';
import { age } from '../format/time';
import { sourceClockOffset } from './source-clock';

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
