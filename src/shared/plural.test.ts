import { describe, expect, it } from 'vitest';
import { counted, plural, type PluralForms } from './plural';

const CLAIMS: PluralForms = { en: { one: 'claim', other: 'claims' }, ru: { one: 'заявка', few: 'заявки', many: 'заявок', other: 'заявки' } };

describe('counted words', () => {
  it('follow English rules', () => {
    expect(counted(1, CLAIMS).en).toBe('1 claim');
    expect(counted(0, CLAIMS).en).toBe('0 claims');
    expect(counted(2, CLAIMS).en).toBe('2 claims');
  });
  it('follow Russian rules: one, few, many', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111].map((n) => counted(n, CLAIMS).ru)).toEqual([
      '1 заявка',
      '2 заявки',
      '5 заявок',
      '11 заявок',
      '21 заявка',
      '22 заявки',
      '25 заявок',
      '101 заявка',
      '111 заявок',
    ]);
    expect(plural(0, CLAIMS).ru).toBe('заявок');
  });
});
