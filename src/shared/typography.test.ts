import { describe, expect, it } from 'vitest';
import { strayPunctuationSpaces } from './typography';
import { verbatim } from './verbatim';

describe('strayPunctuationSpaces', () => {
  it('finds a space before closing punctuation, as the too-big headline had it (trial 5, N-D9)', () => {
    expect(strayPunctuationSpaces('(самый большой, lab-near-miss-pv: 1Gi из запрошенных 5Gi )')).toEqual([' запрошенных 5Gi )']);
    expect(strayPunctuationSpaces('Claims : 3')).toHaveLength(1);
    expect(strayPunctuationSpaces('one , two ; three .')).toHaveLength(3);
    // An interpolated value that is empty leaves its space behind.
    expect(strayPunctuationSpaces(`(largest ${verbatim('')})`)).toHaveLength(1);
  });

  it('accepts good text, a dotted word and spaces inside a cluster value', () => {
    expect(strayPunctuationSpaces(`Застряла: ни один том не вмещает запрос (самый большой, ${verbatim('lab-near-miss-pv')}: ${verbatim('1Gi')} из запрошенных ${verbatim('5Gi')})`)).toEqual([]);
    expect(strayPunctuationSpaces('Save as .yaml')).toEqual([]);
    expect(strayPunctuationSpaces(`Event says ${verbatim('volume : not found ,')}.`)).toEqual([]);
  });
});
