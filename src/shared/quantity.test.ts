import { describe, expect, it } from 'vitest';
import { canonicalQuantity, compareQuantities, formatBytes, formatBytesIn, formatQuantity, parseQuantity, quantityBytes, storageQuantity, type Quantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['10Gi', 10 * 2 ** 30],
    ['1Ki', 1024],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2Ti', 2 * 2 ** 40],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['500M', 500e6],
    ['1k', 1000],
    ['1G', 1e9],
    ['3T', 3e12],
    ['1P', 1e15],
    ['2E', 2e18],
    ['100m', 0.1],
    ['5u', 5e-6],
    ['7n', 7e-9],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1.5e-3', 0.0015],
    ['.5', 0.5],
    ['5.', 5],
    ['+3', 3],
    ['-2Gi', -2 * 2 ** 30],
    ['0', 0],
    [' 4Gi ', 4 * 2 ** 30],
  ])('%s is %d', (text, value) => {
    expect(quantityBytes(text)).toBeCloseTo(value, 12);
  });

  it.each(['', 'Gi', '10GB', '10gi', '1.2.3', 'ten', '1e', '.', '10 Gi', '1Kii'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('tells the format apart: E alone is exa, E with digits an exponent', () => {
    expect(parseQuantity('1E')?.format).toBe('DecimalSI');
    expect(parseQuantity('1E2')?.format).toBe('DecimalExponent');
    expect(parseQuantity('1Mi')?.format).toBe('BinarySI');
  });

  it('is exact for sizes that equal each other in different units', () => {
    const a = parseQuantity('10Gi');
    const b = parseQuantity('10240Mi');
    expect(a?.mantissa).toBe(b?.mantissa);
    expect(a?.scale).toBe(b?.scale);
  });

  it('does not accept null or undefined', () => {
    expect(parseQuantity(undefined)).toBeUndefined();
    expect(parseQuantity(null)).toBeUndefined();
  });
});

describe('formatQuantity (canonical form, as apimachinery prints it)', () => {
  it.each([
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1Gi', '1Gi'],
    ['0.5Gi', '512Mi'],
    ['1Ki', '1Ki'],
    ['100Ki', '100Ki'],
    ['1048576Ki', '1Gi'],
    ['8Ei', '8Ei'],
    ['1.5M', '1500k'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['0.5', '500m'],
    ['100m', '100m'],
    ['1e3', '1e3'],
    ['1.5e6', '1500e3'],
    ['12e1', '120'],
    ['0', '0'],
    ['0Gi', '0'],
    ['-1Gi', '-1Gi'],
    ['1000Gi', '1000Gi'],
    ['2048Gi', '2Ti'],
    ['0.1n', '1n'],
  ])('%s prints as %s', (text, canonical) => {
    const q = parseQuantity(text);
    expect(q).toBeDefined();
    expect(formatQuantity(q!)).toBe(canonical);
  });

  it('binary values below 1Ki print decimal', () => {
    expect(canonicalQuantity('0.5Ki')).toBe('512');
  });

  it('keeps text that is not a quantity', () => {
    expect(canonicalQuantity('10GB')).toBe('10GB');
    expect(canonicalQuantity(undefined)).toBeUndefined();
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512B'],
    [1024, '1Ki'],
    [1.5 * 2 ** 30, '1.5Gi'],
    [10 * 2 ** 30, '10Gi'],
    [300 * 2 ** 20, '300Mi'],
    [0, '0B'],
    // Whole from 100 of a unit: the tables' «891 МиБ», never "890.9" beside it (trial 7).
    [890.9 * 2 ** 20, '891Mi'],
    [99.94 * 2 ** 20, '99.9Mi'],
  ])('%d is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [1.5 * 2 ** 30, '1,5 ГиБ'],
    [890.9 * 2 ** 20, '891 МиБ'],
    [512, '512 Б'],
    [-2 * 2 ** 20, '-2 МиБ'],
  ])('%d in Russian is %s, as the tables say it', (bytes, text) => {
    expect(formatBytesIn(bytes, 'ru')).toBe(text);
  });
});

/** The one parser's edge cases: what the rules compare and the rows sum (formerly two parsers, one with floats). */
describe('one exact quantity for the rules and the store', () => {
  const q = (text: string): Quantity => {
    const parsed = parseQuantity(text);
    if (!parsed) throw new Error(`${text} does not parse`);
    return parsed;
  };

  it.each([
    ['1Gi', 2 ** 30],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['500M', 5e8],
    ['100Mi', 100 * 2 ** 20],
    ['1e3', 1000],
    ['2E', 2e18],
    ['1k', 1000],
    ['100m', 0.1],
    ['42', 42],
  ])('%s is %d', (text, value) => {
    expect(quantityBytes(text)).toBeCloseTo(value);
  });

  it.each(['', 'Gi', '1GB', '1 Gi', 'ten'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it.each([
    ['1Gi', '1073741824', 0],
    ['500M', '0.5G', 0],
    ['1e3', '1k', 0],
    ['1E3', '1000', 0],
    ['100m', '0.1', 0],
    ['1G', '1Gi', -1],
    ['1Gi', '1G', 1],
    ['1073741823', '1Gi', -1],
    ['10Gi', '10240Mi', 0],
    ['1m', '1n', 1],
    ['-1', '0', -1],
  ])('%s compared with %s is %d, exactly', (a, b, sign) => {
    expect(Math.sign(compareQuantities(q(a), q(b)))).toBe(sign);
  });

  it('tells apart sizes a float would call equal', () => {
    // 2^53 + 1 bytes: Number cannot hold it, the exact compare can.
    expect(compareQuantities(q('9007199254740993'), q('9007199254740992'))).toBe(1);
    expect(Number('9007199254740993')).toBe(Number('9007199254740992'));
  });

  it('reads the storage entry of a requests or capacity map', () => {
    expect(compareQuantities(storageQuantity({ storage: '1G' })!, storageQuantity({ storage: '1Gi' })!)).toBeLessThan(0);
    expect(storageQuantity(undefined)).toBeUndefined();
    expect(storageQuantity({ cpu: '1' })).toBeUndefined();
  });
});
