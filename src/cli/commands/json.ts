import { plainText } from '../../shared/verbatim';

/** A command's JSON output: indented, one trailing newline. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Scripts read plain strings: the isolate marks around cluster values (shared/verbatim.ts) are for the UI. */
export const plainJson = (value: unknown): string => `${JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' ? plainText(v) : v), 2)}\n`;
