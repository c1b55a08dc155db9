import { describe, expect, it } from 'vitest';
import { LineSplitter, parseWatchEvent } from './watch-lines';

const event = (name: string): string => JSON.stringify({ type: 'ADDED', object: { metadata: { name } } });

describe('LineSplitter', () => {
  it('returns each complete line of a chunk', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from(`${event('a')}\n${event('b')}\n`))).toEqual([event('a'), event('b')]);
    expect(splitter.flush()).toBeUndefined();
  });

  it('joins a line split across many chunks, byte by byte', () => {
    const splitter = new LineSplitter();
    const bytes = Buffer.from(`${event('x')}\n${event('y')}\n`);
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i++) lines.push(...splitter.push(bytes.subarray(i, i + 1)));
    expect(lines).toEqual([event('x'), event('y')]);
  });

  it('keeps multi-byte UTF-8 characters intact when a chunk cuts through one', () => {
    const text = `${event('том-данных-😀')}\n`;
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf(Buffer.from('😀')) + 2; // inside the 4-byte emoji
    const splitter = new LineSplitter();
    const lines = [...splitter.push(bytes.subarray(0, cut)), ...splitter.push(bytes.subarray(cut))];
    expect(lines).toEqual([text.trimEnd()]);
    expect(parseWatchEvent(lines[0]!).object.metadata?.name).toBe('том-данных-😀');
  });

  it('skips blank lines and hands back an unterminated last line on flush', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from(`\n\r\n${event('a')}\n${event('b')}`))).toEqual([event('a')]);
    expect(splitter.flush()).toBe(event('b'));
  });

  it('refuses a line that grows past the limit instead of buffering forever', () => {
    const splitter = new LineSplitter(16);
    splitter.push(Buffer.from('0123456789'));
    expect(() => splitter.push(Buffer.from('0123456789'))).toThrow(/larger than 16 bytes/);
  });
});

describe('parseWatchEvent', () => {
  it('parses the event types a watch sends', () => {
    for (const type of ['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']) {
      expect(parseWatchEvent(JSON.stringify({ type, object: { kind: 'X' } })).type).toBe(type);
    }
  });

  it('rejects non-JSON, unknown types and events without an object, saying what was wrong', () => {
    expect(() => parseWatchEvent('<html>')).toThrow(/not JSON/);
    expect(() => parseWatchEvent('{"type":"EXPLODED","object":{}}')).toThrow(/unknown type "EXPLODED"/);
    expect(() => parseWatchEvent('{"type":"ADDED"}')).toThrow(/without an object/);
    expect(() => parseWatchEvent('{"type":"ADDED","object":[1]}')).toThrow(/without an object/);
    expect(() => parseWatchEvent('null')).toThrow(/not an event/);
  });
});
