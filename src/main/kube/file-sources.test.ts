import { afterEach, describe, expect, it, vi } from 'vitest';
import { SnapshotFormatError } from '../../shared/snapshot-format';
import { openFileSource } from './open-file-source';
import { RecordingSource } from './recording-source';
import { RecordingSink } from './test-sink';

const snapshot = {
  format: 'kse-snapshot',
  version: 1,
  capturedAt: '2026-11-28T00:00:00.000Z',
  context: 'prod',
  serverVersion: 'v1.37.2',
  kinds: {
    persistentvolumeclaims: { state: 'synced', items: [{ metadata: { name: 'data', namespace: 'app', uid: 'u1' }, status: { phase: 'Pending' } }] },
    persistentvolumes: { state: 'forbidden', items: [], message: 'User "x" may not list PersistentVolumes.' },
  },
};

afterEach(() => {
  vi.useRealTimers();
});

describe('SnapshotSource', () => {
  it('delivers each kind with its captured state, and kinds it lacks as absent', async () => {
    const source = openFileSource(JSON.stringify(snapshot), 'snapshot:1', 'case-123.json');
    expect(source.info).toMatchObject({ id: 'snapshot:1', source: 'snapshot', capturedAt: '2026-11-28T00:00:00.000Z' });
    const sink = new RecordingSink();
    await source.start(sink);
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/data']);
    expect(sink.statuses.get('persistentvolumeclaims')).toMatchObject({ state: 'synced', count: 1, syncedAt: '2026-11-28T00:00:00.000Z' });
    expect(sink.statuses.get('persistentvolumes')).toMatchObject({ state: 'forbidden', count: 0, message: 'User "x" may not list PersistentVolumes.' });
    expect(sink.statuses.get('pods')).toMatchObject({ state: 'absent', message: 'This snapshot does not contain Pods.' });
    expect(sink.lastConnection?.state).toBe('offline');
    expect(source.serverVersion()).toBe('v1.37.2');
    expect(source.now()).toBe(Date.parse('2026-11-28T00:00:00.000Z'));
  });

  it('refuses a file that is not a snapshot with a message for the user', () => {
    expect(() => openFileSource('{"kind":"List"}', 'snapshot:2', 'list.json')).toThrow(SnapshotFormatError);
  });
});

describe('RecordingSource', () => {
  const recording = {
    ...snapshot,
    format: 'kse-recording',
    events: [
      { at: 1000, kind: 'persistentvolumeclaims', type: 'MODIFIED', object: { metadata: { name: 'data', namespace: 'app', uid: 'u1' }, status: { phase: 'Bound' } } },
      { at: 2000, kind: 'persistentvolumeclaims', type: 'ADDED', object: { metadata: { name: 'logs', namespace: 'app', uid: 'u2' } } },
      { at: 3000, kind: 'persistentvolumeclaims', type: 'DELETED', object: { metadata: { name: 'data', namespace: 'app', uid: 'u1' } } },
    ],
  };

  it('replays events at their times, keeping counts current', async () => {
    vi.useFakeTimers();
    const source = openFileSource(JSON.stringify(recording), 'rec:1', 'demo.json');
    expect(source).toBeInstanceOf(RecordingSource);
    const sink = new RecordingSink();
    await source.start(sink);
    const phase = () => (sink.objects.get('persistentvolumeclaims')?.get('u1')?.status as { phase?: string } | undefined)?.phase;
    expect(phase()).toBe('Pending');
    await vi.advanceTimersByTimeAsync(1000);
    expect(phase()).toBe('Bound');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/data', 'app/logs']);
    expect(sink.statuses.get('persistentvolumeclaims')?.count).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/logs']);
    expect(sink.statuses.get('persistentvolumeclaims')?.count).toBe(1);
    await source.stop();
  });

  it('loops back to the snapshot when asked, and stops for good on stop()', async () => {
    vi.useFakeTimers();
    const source = openFileSource(JSON.stringify(recording), 'rec:2', 'demo.json', { replay: { loop: true, loopPauseMs: 500, speed: 2 } });
    const sink = new RecordingSink();
    await source.start(sink);
    const captured = Date.parse('2026-11-28T00:00:00.000Z');
    expect(source.now()).toBe(captured);
    await vi.advanceTimersByTimeAsync(1500); // 3 s of recording at speed 2
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/logs']);
    expect(source.now()).toBe(captured + 3000); // the recording's clock, not the wall clock
    await vi.advanceTimersByTimeAsync(500);
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/data']);
    expect(source.now()).toBe(captured); // a new pass starts the recording's clock over
    await source.stop();
    const applied = sink.applied.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sink.applied.length).toBe(applied);
  });
});
