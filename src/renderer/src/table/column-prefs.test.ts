import { describe, expect, it } from 'vitest';
import { NO_CHOICES, parseChoices } from './column-prefs';

describe('stored column choices', () => {
  it('reads hidden columns and widths', () => {
    expect(parseChoices(JSON.stringify({ hidden: ['pods'], widths: { name: 220.4 } }))).toEqual({ hidden: ['pods'], widths: { name: 220 } });
  });
  it('reads the columns the user showed that are hidden by default (no data), dropping what is not a name', () => {
    expect(parseChoices(JSON.stringify({ hidden: [], shown: ['usePercent', 7], widths: {} }))).toEqual({ hidden: [], shown: ['usePercent'], widths: {} });
    expect(parseChoices(JSON.stringify({ hidden: [], shown: 'usePercent', widths: {} }))).toEqual({ hidden: [], widths: {} });
  });
  it('drops what is malformed, field by field, and survives garbage', () => {
    expect(parseChoices('{not json')).toBe(NO_CHOICES);
    expect(parseChoices(null)).toBe(NO_CHOICES);
    expect(parseChoices('42')).toBe(NO_CHOICES);
    expect(parseChoices(JSON.stringify({ hidden: ['a', 3, null], widths: { a: -5, b: 'x', c: 1e9, d: 80 } }))).toEqual({ hidden: ['a'], widths: { d: 80 } });
  });
});
