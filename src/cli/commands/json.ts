/** A command's JSON output: indented, one trailing newline. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
