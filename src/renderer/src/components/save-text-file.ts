/**
 * Saves text as a file in the browser and in the desktop app: a blob URL on an <a download>, so nothing navigates,
 * and the desktop app's session shows its save dialog. The URL is revoked a second later (after the click is taken).
 */
export function saveTextFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
