import { describe, expect, it } from 'vitest';
import { estimateWidth, fitMiddle } from './fit-text';

const mono = (text: string) => text.length * 10;

describe('fitMiddle', () => {
  it('keeps text that fits', () => {
    expect(fitMiddle('data-0', 60, mono)).toBe('data-0');
  });
  it('cuts in the middle, keeping the end that tells names apart', () => {
    const cut = fitMiddle('data-postgres-orders-replica-17', 150, mono);
    expect(cut).toBe('data-po…lica-17');
    expect(mono(cut)).toBeLessThanOrEqual(150);
    expect(fitMiddle('data-postgres-orders-replica-18', 150, mono)).not.toBe(cut);
  });
  it('gives the ellipsis alone when nothing else fits', () => {
    expect(fitMiddle('abcdef', 5, mono)).toBe('…');
  });
  it('estimates widths without a canvas', () => {
    expect(estimateWidth('abcd')).toBeCloseTo(29.6);
  });
});
