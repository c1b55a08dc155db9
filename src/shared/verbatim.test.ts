import { describe, expect, it } from 'vitest';
import { plainText, splitVerbatim, verbatim } from './verbatim';

describe('verbatim values in bilingual texts', () => {
  it('split into translated words and values as they are', () => {
    const text = `Заявка просит StorageClass «${verbatim('fast-ssd')}», которого нет`;
    expect(splitVerbatim(text)).toEqual([
      { text: 'Заявка просит StorageClass «', verbatim: false },
      { text: 'fast-ssd', verbatim: true },
      { text: '», которого нет', verbatim: false },
    ]);
    expect(plainText(text)).toBe('Заявка просит StorageClass «fast-ssd», которого нет');
  });
  it('keep a hostile value inside its segment', () => {
    const text = `a ${verbatim('x\u2069y\u2068z')} b`;
    expect(splitVerbatim(text)).toEqual([
      { text: 'a ', verbatim: false },
      { text: 'x⟨PDI⟩y⟨FSI⟩z', verbatim: true },
      { text: ' b', verbatim: false },
    ]);
  });
  it('tolerate unbalanced marks', () => {
    expect(splitVerbatim('a \u2068b')).toEqual([{ text: 'a b', verbatim: false }]);
    expect(splitVerbatim('')).toEqual([]);
  });
});
