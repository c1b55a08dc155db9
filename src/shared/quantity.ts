/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource/quantity.go): the one parser, used by the
 * diagnosis rules (to compare a claim's request with a volume's capacity) and the store (rows, sums). Parsing to an
 * exact decimal and
 * printing in the canonical form kubectl shows ("1536Mi" stays, "1024Mi" becomes "1Gi", "1.5M" becomes "1500k").
 *
 * Why exact: sizes are compared and summed per class, and "10Gi" must equal "10240Mi" to the byte. A quantity is
 * kept as mantissa * 10^scale with a BigInt mantissa; numbers are derived only for sorting and sums.
 */
import type { Lang } from './model/findings';

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** value = mantissa * 10^scale, with the mantissa's trailing zeros moved into the scale. */
  mantissa: bigint;
  scale: number;
  format: QuantityFormat;
}

const BINARY_POWER: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const SUFFIX_OF_EXPONENT = new Map(Object.entries(DECIMAL_EXPONENT).map(([suffix, exp]) => [exp, suffix]));
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

// Number, then a binary suffix, a decimal exponent ("e3", "E-2") or a decimal suffix. "1E" is exa, "1E3" an exponent.
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+)|(n|u|m|k|M|G|T|P|E))?$/;

function normalize(mantissa: bigint, scale: number): { mantissa: bigint; scale: number } {
  if (mantissa === 0n) return { mantissa, scale: 0 };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale += 1;
  }
  return { mantissa, scale };
}

/** Parses a quantity; undefined when the text is not one (e.g. "10GB", "", "1.2.3"). */
export function parseQuantity(text: string | undefined | null): Quantity | undefined {
  if (typeof text !== 'string') return undefined;
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', binary, exponent, decimal] = match;
  if (whole === '' && fraction === '') return undefined;
  let mantissa = BigInt(`${whole}${fraction}` || '0');
  let scale = -fraction.length;
  let format: QuantityFormat = 'DecimalSI';
  if (binary !== undefined) {
    mantissa *= 1024n ** BigInt(BINARY_POWER[binary] ?? 0);
    format = 'BinarySI';
  } else if (exponent !== undefined) {
    scale += Number(exponent);
    format = 'DecimalExponent';
  } else {
    scale += DECIMAL_EXPONENT[decimal ?? ''] ?? 0;
  }
  if (sign === '-') mantissa = -mantissa;
  return { ...normalize(mantissa, scale), format };
}

/**
 * Compares two quantities exactly (`1Gi` equals `1073741824`, `500M` equals `0.5G`, `1G` is less than `1Gi`):
 * negative, zero or positive, as a - b. Never through floats: sizes are compared the way apimachinery's
 * Quantity.Cmp does.
 */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const scale = Math.min(a.scale, b.scale);
  const left = a.mantissa * 10n ** BigInt(a.scale - scale);
  const right = b.mantissa * 10n ** BigInt(b.scale - scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The `storage` entry of a capacity or requests map, parsed; undefined when absent or not a quantity. */
export function storageQuantity(resources: Record<string, string> | undefined): Quantity | undefined {
  return parseQuantity(resources?.['storage']);
}

/** The value as a number (bytes for storage), for sorting and sums only; exact up to 2^53. */
export function quantityValue(q: Quantity): number {
  return Number(q.mantissa) * 10 ** q.scale;
}

/** Bytes of a quantity text, or undefined when it is not a quantity. */
export function quantityBytes(text: string | undefined | null): number | undefined {
  const q = parseQuantity(text);
  return q === undefined ? undefined : quantityValue(q);
}

/** The canonical text of a quantity, as the API server and kubectl print it. */
export function formatQuantity(q: Quantity): string {
  const { mantissa, scale } = normalize(q.mantissa, q.scale);
  if (mantissa === 0n) return '0';
  if (q.format === 'BinarySI' && scale >= 0) {
    const value = mantissa * 10n ** BigInt(scale);
    const abs = value < 0n ? -value : value;
    // Like apimachinery: binary only for whole numbers of at least 1Ki; smaller or fractional values print decimal.
    if (abs >= 1024n) {
      let power = 0;
      let rest = value;
      while (power < 6 && rest % 1024n === 0n) {
        rest /= 1024n;
        power += 1;
      }
      return `${rest}${BINARY_SUFFIXES[power]}`;
    }
  }
  // Decimal: the exponent is a multiple of 3 (at most 18, at least -9) and the mantissa a whole number.
  let exp = Math.floor(scale / 3) * 3;
  let m = mantissa;
  if (exp > 18) exp = 18;
  if (exp < -9) {
    // Finer than nano cannot be written: round away from zero to the nano, as apimachinery does.
    const drop = 10n ** BigInt(-9 - scale);
    m = m / drop + (m % drop === 0n ? 0n : m > 0n ? 1n : -1n);
    return `${m}n`;
  }
  m *= 10n ** BigInt(scale - exp);
  if (q.format === 'DecimalExponent') return exp === 0 ? `${m}` : `${m}e${exp}`;
  return `${m}${SUFFIX_OF_EXPONENT.get(exp) ?? ''}`;
}

/** Canonical text of a quantity text ("1024Mi" -> "1Gi"); the text itself when it does not parse. */
export function canonicalQuantity(text: string | undefined | null): string | undefined {
  if (text === undefined || text === null) return undefined;
  const q = parseQuantity(text);
  return q === undefined ? text : formatQuantity(q);
}

/**
 * A byte count for people, as the tables show it in English and kubectl spells units: "1.5Gi", "891Mi", "512B".
 * One decimal below 100 of a unit, whole numbers from 100 ("890.9Mi" read as a different size beside the table's
 * "891Mi", trial 7). Language-neutral: evidence values use it; sentences use formatBytesIn.
 */
export function formatBytes(bytes: number): string {
  return formatBytesIn(bytes, 'en');
}

const BYTE_UNITS: Record<Lang, readonly string[]> = {
  en: ['B', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'],
  // GOST 8.417 / IEC names in Russian, a space before them as Russian typography wants.
  ru: [' Б', ' КиБ', ' МиБ', ' ГиБ', ' ТиБ', ' ПиБ', ' ЭиБ'],
};
const BYTE_NUMBER: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false }),
  ru: new Intl.NumberFormat('ru', { maximumFractionDigits: 1, useGrouping: false }),
};

/**
 * A byte count in a UI language, the same text the renderer's tables show: "1.5Gi" / «1,5 ГиБ», "891Mi" /
 * «891 МиБ» (rounding as formatBytes, the number through Intl); '' for a value that is not a finite number.
 */
export function formatBytesIn(bytes: number, lang: Lang): string {
  if (!Number.isFinite(bytes)) return '';
  const units = BYTE_UNITS[lang];
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${bytes < 0 ? '-' : ''}${BYTE_NUMBER[lang].format(rounded)}${units[unit]}`;
}
