import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Resource } from '../../shared/kube/resource-registry';
import type { KubeObject } from '../../shared/kube/objects';
import { validateSnapshot, type Recording } from '../../shared/snapshot-format';
import { REDACTED } from './export-snapshot';
import { RecordingSource } from './recording-source';
import { RecordingWriter } from './recording-writer';
import { RecordingSink } from './testing/recording-sink';

const claim = (name: string, uid: string, rv: string): KubeObject => ({ kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'app', uid, resourceVersion: rv } });
const kinds: Resource[] = ['persistentvolumeclaims', 'persistentvolumes', 'pods'];

afterEach(() => {
  vi.useRealTimers();
});

describe('RecordingWriter', () => {
  it('takes the settled state as the snapshot and what follows as timed, redacted events', () => {
    let clock = 1_000;
    const writer = new RecordingWriter('lab-admin', kinds, () => clock);
    writer.replace('persistentvolumeclaims', [claim('a', 'u1', '1')]);
    writer.kindStatus({ kind: 'persistentvolumeclaims', state: 'synced', count: 1 });
    writer.kindStatus({ kind: 'persistentvolumes', state: 'forbidden', count: 0, message: 'no permission' });
    expect(writer.recording).toBe(false);
    writer.replace('pods', []);
    writer.kindStatus({ kind: 'pods', state: 'synced', count: 0 });
    expect(writer.recording).toBe(true);
    clock = 1_500;
    writer.add('pods', { metadata: { name: 'p', namespace: 'app', uid: 'p1' }, spec: { containers: [{ name: 'c', env: [{ name: 'PASSWORD', value: 'hunter2' }] }] } });
    clock = 2_000;
    writer.delete('persistentvolumeclaims', claim('a', 'u1', '2'));
    const recording = writer.finish('v1.37.2');
    expect(recording.format).toBe('kse-recording');
    expect(recording.kinds.persistentvolumeclaims?.items.map((o) => o.metadata?.name)).toEqual(['a']);
    expect(recording.kinds.persistentvolumes).toEqual({ state: 'forbidden', items: [], message: 'no permission' });
    expect(recording.events.map((e) => [e.at, e.kind, e.type])).toEqual([
      [500, 'pods', 'ADDED'],
      [1000, 'persistentvolumeclaims', 'DELETED'],
    ]);
    expect(JSON.stringify(recording)).not.toContain('hunter2');
    expect(JSON.stringify(recording)).toContain(REDACTED);
  });

  it('turns a relist during recording into the adds, changes and deletes that explain it', () => {
    let clock = 0;
    const writer = new RecordingWriter('x', ['persistentvolumeclaims'], () => clock);
    writer.replace('persistentvolumeclaims', [claim('a', 'u1', '1'), claim('b', 'u2', '1')]);
    writer.kindStatus({ kind: 'persistentvolumeclaims', state: 'synced', count: 2 });
    clock = 100;
    writer.replace('persistentvolumeclaims', [claim('a', 'u1', '1'), claim('b', 'u2', '5'), claim('c', 'u3', '6')]);
    writer.replace('persistentvolumeclaims', [claim('b', 'u2', '5'), claim('c', 'u3', '6')]);
    expect(writer.finish().events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['MODIFIED b', 'ADDED c', 'DELETED a']);
  });

  it('writes a file that validates and replays to the state the cluster ended in', async () => {
    let clock = 0;
    const writer = new RecordingWriter('x', ['persistentvolumeclaims'], () => clock);
    writer.replace('persistentvolumeclaims', [claim('a', 'u1', '1')]);
    writer.kindStatus({ kind: 'persistentvolumeclaims', state: 'synced', count: 1 });
    clock = 10;
    writer.add('persistentvolumeclaims', claim('b', 'u2', '2'));
    clock = 20;
    writer.delete('persistentvolumeclaims', claim('a', 'u1', '3'));
    const file = validateSnapshot(JSON.parse(JSON.stringify(writer.finish())), 'rec.json') as Recording;
    vi.useFakeTimers();
    const sink = new RecordingSink();
    const source = new RecordingSource(file, 'rec:1', 'rec.json');
    await source.start(sink);
    await vi.advanceTimersByTimeAsync(50);
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/b']);
    await source.stop();
  });
});
