import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FLEET_CONCURRENCY, MAX_FLEET_WATCHED } from '../../shared/model/fleet';
import { defaultFleetChoicesPath, FleetChoicesFile } from './fleet-choices';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kse-fleet-choices-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FleetChoicesFile', () => {
  it('watches nothing until told, then remembers per kubeconfig file set, privately', async () => {
    const path = join(dir, 'state', 'fleet.json');
    const file = new FleetChoicesFile(path);
    expect(await file.recall(['/home/u/.kube/config'])).toEqual({ watched: [], concurrency: DEFAULT_FLEET_CONCURRENCY });
    await file.remember(['/home/u/.kube/config'], { watched: ['prod', 'staging', 'prod'], concurrency: 2 });
    await file.remember(['/tmp/other'], { watched: ['lab'], concurrency: 5 });
    const again = new FleetChoicesFile(path);
    expect(await again.recall(['/home/u/.kube/config'])).toEqual({ watched: ['prod', 'staging'], concurrency: 2 });
    expect(await again.recall(['/tmp/other'])).toEqual({ watched: ['lab'], concurrency: 5 });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    // Names and a number only: nothing else is written.
    expect(await readFile(path, 'utf8')).not.toMatch(/server|token|user/);
  });

  it('reads a damaged, hostile or oversized file as nothing watched, and keeps sane values only', async () => {
    const path = join(dir, 'fleet.json');
    for (const content of ['{', 'null', '[]', JSON.stringify({ byKubeconfig: 5 }), 'x'.repeat(300 * 1024)]) {
      await writeFile(path, content);
      expect(await new FleetChoicesFile(path).recall(['k'])).toEqual({ watched: [], concurrency: DEFAULT_FLEET_CONCURRENCY });
    }
    const many = Array.from({ length: MAX_FLEET_WATCHED + 10 }, (_, i) => `c${i}`);
    await writeFile(path, JSON.stringify({ byKubeconfig: { k: { watched: [1, '', 'a'.repeat(2000), 'ok', ...many], concurrency: 1e9, at: 'x' } } }));
    const read = await new FleetChoicesFile(path).recall(['k']);
    expect(read.concurrency).toBe(DEFAULT_FLEET_CONCURRENCY);
    expect(read.watched[0]).toBe('ok');
    expect(read.watched).toHaveLength(MAX_FLEET_WATCHED);
  });

  it('reports a failed write and goes on', async () => {
    const blocker = join(dir, 'file');
    await writeFile(blocker, '');
    const errors: string[] = [];
    await new FleetChoicesFile(join(blocker, 'fleet.json'), (m) => errors.push(m)).remember(['k'], { watched: ['a'], concurrency: 1 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Could not remember the watched contexts .*choose them again after a restart/);
  });

  it('lives beside last-opened.json in the XDG state directory', () => {
    expect(defaultFleetChoicesPath({ XDG_STATE_HOME: '/s' }, '/h')).toBe('/s/kube-storage-explorer/fleet.json');
    expect(defaultFleetChoicesPath({ XDG_STATE_HOME: 'relative' }, '/h')).toBe('/h/.local/state/kube-storage-explorer/fleet.json');
  });
});
