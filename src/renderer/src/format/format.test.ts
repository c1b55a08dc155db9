import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { formatBytes } from './bytes';
import { age, ago, secondsSince } from './time';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

describe('time formats', () => {
  it('ages like kubectl', () => {
    expect(age('2026-11-28T09:59:15Z', NOW)).toBe('45s');
    expect(age('2026-11-28T09:48:00Z', NOW)).toBe('12m');
    expect(age('2026-11-28T05:00:00Z', NOW)).toBe('5h');
    expect(age('2026-11-25T10:00:00Z', NOW)).toBe('3d');
    expect(age(undefined, NOW)).toBe('');
    expect(age('garbage', NOW)).toBe('');
  });
  it('says how fresh data is', () => {
    expect(ago('2026-11-28T09:59:58Z', NOW, t)).toBe('2s ago');
    expect(ago('2026-11-28T10:00:00Z', NOW, t)).toBe('just now');
    expect(ago('2026-11-28T09:55:00Z', NOW, t)).toBe('5m ago');
  });
  it('never reports negative times for clocks slightly ahead', () => {
    expect(secondsSince('2026-11-28T10:00:05Z', NOW)).toBe(0);
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(1024 ** 3)).toBe('1Gi');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5Gi');
    expect(formatBytes(500)).toBe('500B');
    expect(formatBytes(250 * 1024 ** 2)).toBe('250Mi');
    expect(formatBytes(undefined)).toBe('');
  });
});
