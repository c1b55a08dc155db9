/** Byte counts in binary units, as Kubernetes quantities are usually written (Gi, Mi). */
const UNITS = ['B', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'];

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '';
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded}${UNITS[unit]}`;
}
