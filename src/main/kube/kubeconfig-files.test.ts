/**
 * Kubeconfig files that are not what they should be: each is reported with its file and reason, never hangs the
 * process and never hides the other files' contexts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kubeConfigFor } from './client-kubeconfig';
import { loadKubeconfig } from './kubeconfig';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kse-kubeconfig-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : stringify(content));
  return file;
}
const good = (server = 'https://good:6443', user: Record<string, unknown> = { token: 't' }) => ({
  clusters: [{ name: 'c', cluster: { server } }],
  users: [{ name: 'u', user }],
  contexts: [{ name: 'good', context: { cluster: 'c', user: 'u' } }],
  'current-context': 'good',
});
const load = (...files: string[]) => loadKubeconfig({ kubeconfigEnv: files.join(delimiter) });

describe('broken kubeconfig files', () => {
  it('reports broken YAML, a directory and an alias bomb by file and reason, and still loads the good file', () => {
    const broken = write('broken.yaml', 'clusters: [\n  - name: x\n    cluster: {server: "unclosed');
    const directory = join(dir, 'a-directory');
    mkdirSync(directory);
    const bomb = write('bomb.yaml', ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n'));
    const ok = write('good.yaml', good());
    const loaded = load(broken, directory, bomb, ok);
    expect(loaded.clusters.map((c) => c.name)).toEqual(['good']);
    const byFile = new Map(loaded.fileErrors.map((e) => [e.file, e.message]));
    expect(byFile.get(broken)).toMatch(new RegExp(`${broken} is not valid YAML`));
    expect(byFile.get(directory)).toMatch(/is a directory, not a regular file/);
    expect(byFile.get(bomb)).toMatch(/alias/i);
  });

  it.skipIf(process.platform === 'win32')('does not hang on a FIFO or a device in KUBECONFIG', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const loaded = load(fifo, '/dev/zero', write('good.yaml', good()));
    expect(loaded.fileErrors.find((e) => e.file === fifo)?.message).toMatch(/FIFO \(named pipe\), not a regular file/);
    expect(loaded.fileErrors.find((e) => e.file === '/dev/zero')?.message).toMatch(/a device, not a regular file/);
    expect(loaded.clusters.map((c) => c.name)).toEqual(['good']);
  });

  it.skipIf(process.platform === 'win32')('refuses a certificate or token file that is a FIFO instead of blocking on it', () => {
    const fifo = join(dir, 'ca-fifo');
    execFileSync('mkfifo', [fifo]);
    const file = write('k.yaml', { ...good(), clusters: [{ name: 'c', cluster: { server: 'https://x:6443', 'certificate-authority': fifo } }] });
    expect(() => kubeConfigFor(load(file), 'good')).toThrow(/certificate-authority .*ca-fifo is a FIFO \(named pipe\), not a regular file/);
    const file2 = write('k2.yaml', good('https://x:6443', { 'token-file': '/dev/zero' }));
    expect(() => kubeConfigFor(load(file2), 'good')).toThrow(/token-file \/dev\/zero is a device/);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const file = write('bom.yaml', `\ufeff${stringify(good())}`);
    expect(load(file).clusters.map((c) => c.name)).toEqual(['good']);
    expect(load(file).fileErrors).toEqual([]);
  });

  it('never shows the user:password of a server URL', () => {
    const file = write('k.yaml', good('https://admin:hunter2@good:6443'));
    const loaded = load(file);
    expect(loaded.clusters[0]?.server).toBe('https://good:6443');
    expect(JSON.stringify(loaded.clusters)).not.toContain('hunter2');
  });
});
