import { describe, expect, it } from 'vitest';
import { sanitizeForTerminal, splitBidiControls, terminalSafe } from './terminal-text';

/** Every character a terminal could act on or hide, one of each class the sanitiser promises to cover. */
const HOSTILE: Record<string, string> = {
  'ESC (CSI clear screen)': '\u001b[2J',
  'OSC title': '\u001b]0;pwned\u0007',
  'OSC 8 hyperlink': '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\',
  BEL: '\u0007',
  'carriage return': 'visible\rhidden',
  backspace: 'a\bb',
  DEL: '\u007f',
  'C1 CSI': '\u009b2J',
  'C1 OSC': '\u009d0;t\u009c',
  'RLO override': '\u202ekcah',
  'LRI isolate': '\u2066x\u2069',
  'RLM mark': '\u200f',
  'Arabic letter mark U+061C': '\u061c',
  'line separator U+2028': 'a\u2028b',
  'paragraph separator U+2029': 'a\u2029b',
  'zero-width space': 'ad\u200bmin',
  'zero-width joiner': 'a\u200db',
  'word joiner': 'a\u2060b',
  BOM: '\ufeffx',
  'lone surrogate': 'a\ud800b',
};
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/;

describe('sanitizeForTerminal', () => {
  it.each(Object.entries(HOSTILE))('escapes %s visibly', (_name, text) => {
    const safe = sanitizeForTerminal(text);
    expect(safe).not.toMatch(RAW);
    expect(safe).toContain('\\u');
  });

  it('keeps ordinary text, Cyrillic and emoji (surrogate pairs) as they are, and shows a newline as \\n', () => {
    expect(sanitizeForTerminal('plain ascii, кириллица, 💾')).toBe('plain ascii, кириллица, 💾');
    expect(sanitizeForTerminal('line1\nline2')).toBe('line1\\nline2');
  });
});

describe('terminalSafe (the output sink)', () => {
  it('keeps the layout (newlines, tabs) and escapes everything else', () => {
    expect(terminalSafe('a\tb\nc\u001b[2J\u202e')).toBe('a\tb\nc\\u001b[2J\\u202e');
  });

  it('keeps only SGR colour sequences when the formatter says the colours are its own', () => {
    const text = '\u001b[31m✗ problem\u001b[0m \u001b]0;title\u0007 \u001b[2J';
    expect(terminalSafe(text, { ownColours: true })).toBe('\u001b[31m✗ problem\u001b[0m \\u001b]0;title\\u0007 \\u001b[2J');
    expect(terminalSafe(text)).not.toMatch(RAW);
  });

  it('leaves JSON valid and equal after parsing', () => {
    const value = { name: 'x\u009b2J\u202e\u2028', list: ['\u200b'] };
    const safe = terminalSafe(JSON.stringify(value, null, 2));
    expect(safe).not.toMatch(RAW);
    expect(JSON.parse(safe)).toEqual(value);
  });
});

describe('splitBidiControls', () => {
  it('names each bidirectional control so the UI can show it', () => {
    expect(splitBidiControls('abc')).toEqual([{ text: 'abc' }]);
    expect(splitBidiControls('pod-\u202eexe.txt\u2066')).toEqual([{ text: 'pod-' }, { control: '\u202e', name: 'RLO' }, { text: 'exe.txt' }, { control: '\u2066', name: 'LRI' }]);
    expect(splitBidiControls('\u061c')).toEqual([{ control: '\u061c', name: 'ALM' }]);
  });
});
