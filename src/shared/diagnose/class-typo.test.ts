import { describe, expect, it } from 'vitest';
import { editDistance, likelyTypoOf } from './class-typo';

describe('class typos', () => {
  it('measures edit distance', () => {
    expect(editDistance('lab-hostpth', 'lab-hostpath')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests the nearest existing class only when it is plausibly a typo', () => {
    // The demo's typo claim (lab-dynamic/typo asks for lab-hostpth).
    expect(likelyTypoOf('lab-hostpth', ['lab-absent-provisioner', 'lab-external', 'lab-hostpath', 'lab-static'])).toEqual({ name: 'lab-hostpath', distance: 1 });
    expect(likelyTypoOf('fsat-ssd', ['fast-ssd', 'standard'])).toEqual({ name: 'fast-ssd', distance: 2 });
    expect(likelyTypoOf('fast', ['standard', 'local-path'])).toBeUndefined();
    expect(likelyTypoOf('db', ['fs'])).toBeUndefined();
    expect(likelyTypoOf('standard', ['standard'])).toBeUndefined();
  });
});
