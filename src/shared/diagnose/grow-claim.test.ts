import { describe, expect, it } from 'vitest';
import { plainText } from '../verbatim';
import { parseCommand } from './fix-commands';
import { growClaimStep, grownSize } from './grow-claim';

describe('growing a claim that runs out of space', () => {
  it('suggests twice the capacity in whole GiB', () => {
    expect(grownSize(1024 * 2 ** 20)).toBe('2Gi');
    expect(grownSize(500 * 2 ** 20)).toBe('1Gi');
    expect(grownSize(3.5 * 2 ** 30)).toBe('7Gi');
    expect(grownSize(undefined)).toBeUndefined();
    expect(grownSize(0)).toBeUndefined();
  });

  it('gives the command that grows it, not a read-only one (trial 9 of issue 8), in both languages', () => {
    const s = growClaimStep('shop', 'logs', 2 ** 30);
    expect(s.command).toBe(`kubectl patch pvc logs -n shop --type merge -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'`);
    expect(parseCommand(s.command!)?.words.slice(0, 3)).toEqual(['kubectl', 'patch', 'pvc']);
    // The size is a cluster value, isolated as the other rules isolate theirs.
    expect(s.text.en).toContain('e.g. to \u20682Gi\u2069');
    expect(plainText(s.text.ru)).toContain('до 2Gi');
    expect(s.text.ru).toContain('уменьшить её потом нельзя');
    // Not measured: the field to raise, and a placeholder in the command.
    expect(growClaimStep('shop', 'logs', undefined).command).toContain('<new size>');
  });
});
