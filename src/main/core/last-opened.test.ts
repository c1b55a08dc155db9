import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LastOpenedFile, defaultLastOpenedPath } from './last-opened';

const dir = mkdtempSync(join(tmpdir(), 'kse-last-opened-'));
let counter = 0;
const fresh = () => join(dir, `${++counter}`, 'last-opened.json');

describe('LastOpenedFile', () => {
  it('remembers a context per kubeconfig file set, across instances (restarts)', async () => {
    const path = fresh();
    await new LastOpenedFile(path).remember(['/a/config'], 'dev');
    await new LastOpenedFile(path).remember(['/b/one', '/b/two'], 'prod');
    const later = new LastOpenedFile(path);
    expect(await later.recall(['/a/config'])).toBe('dev');
    expect(await later.recall(['/b/one', '/b/two'])).toBe('prod');
    expect(await later.recall(['/b/one'])).toBeUndefined();
  });

  it('keeps only names and times, readable by the user alone', async () => {
    const path = fresh();
    await new LastOpenedFile(path).remember(['/a/config'], 'dev');
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { version: number; byKubeconfig: Record<string, object> };
    expect(saved.version).toBe(1);
    expect(Object.values(saved.byKubeconfig)).toEqual([{ context: 'dev', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('treats a missing, damaged or foreign file as an empty memory and replaces it on the next write', async () => {
    const path = fresh();
    expect(await new LastOpenedFile(path).recall(['/a/config'])).toBeUndefined();
    await new LastOpenedFile(path).remember(['/a/config'], 'dev');
    for (const content of ['{not json', '[]', '{"byKubeconfig": {"/a/config": {"context": 7}}}', `{"byKubeconfig": {"/a/config": {"context": "${'x'.repeat(2000)}", "at": "t"}}}`]) {
      writeFileSync(path, content);
      expect(await new LastOpenedFile(path).recall(['/a/config'])).toBeUndefined();
    }
    await new LastOpenedFile(path).remember(['/a/config'], 'prod');
    expect(await new LastOpenedFile(path).recall(['/a/config'])).toBe('prod');
  });

  it('loses none of several quick openings and keeps the 20 most recent kubeconfig sets', async () => {
    const path = fresh();
    const memory = new LastOpenedFile(path);
    await Promise.all(Array.from({ length: 25 }, (_, i) => memory.remember([`/k/${i}`], `c${i}`)));
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { byKubeconfig: Record<string, unknown> };
    expect(Object.keys(saved.byKubeconfig)).toHaveLength(20);
    expect(await memory.recall(['/k/24'])).toBe('c24');
  });

  it('reports a file it cannot write, and goes on', async () => {
    const errors: string[] = [];
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    await new LastOpenedFile(join(blocker, 'last-opened.json'), (m) => errors.push(m)).remember(['/a/config'], 'dev');
    expect(errors).toEqual([expect.stringMatching(/^Could not remember the last opened context in .+a-file\/last-opened\.json: .+ The next start will not open it by itself\.$/)]);
  });

  it('lives in the XDG state directory', () => {
    expect(defaultLastOpenedPath({}, '/home/u')).toBe('/home/u/.local/state/kube-storage-explorer/last-opened.json');
    expect(defaultLastOpenedPath({ XDG_STATE_HOME: '/var/state' }, '/home/u')).toBe('/var/state/kube-storage-explorer/last-opened.json');
    expect(defaultLastOpenedPath({ XDG_STATE_HOME: 'relative' }, '/home/u')).toBe('/home/u/.local/state/kube-storage-explorer/last-opened.json');
  });
});
