import { afterEach, describe, expect, it, vi } from 'vitest';
import { SnapshotFormatError } from '../../shared/snapshot-format';
import { openFileSource } from './open-file-source';
import { RecordingSource } from './recording-source';
import { RecordingSink } from './testing/recording-sink';

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

  it('opens at its final state, ended, and nothing moves until the user plays it (trial 9 defect 2)', async () => {
    vi.useFakeTimers();
    const source = openFileSource(JSON.stringify(recording), 'rec:0', 'demo.json') as RecordingSource;
    const sink = new RecordingSink();
    await source.start(sink);
    const captured = Date.parse('2026-11-28T00:00:00.000Z');
    // The final state at once: data Bound then deleted, logs added; the position at the end, not playing.
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/logs']);
    expect(sink.statuses.get('persistentvolumeclaims')?.count).toBe(1);
    expect(source.replayState()).toEqual({ positionMs: 3000, durationMs: 3000, playing: false, loop: false, ended: true });
    expect(sink.replays.at(-1)).toMatchObject({ ended: true, playing: false });
    expect(source.now()).toBe(captured + 3000);
    const applied = sink.applied.length;
    await vi.advanceTimersByTimeAsync(60_000);
    // Never starts over by itself, and its clock stands still.
    expect(sink.applied.length).toBe(applied);
    expect(source.now()).toBe(captured + 3000);
    // Play (or restart) replays it from the snapshot.
    source.controlReplay('play');
    expect(source.replayState()).toMatchObject({ positionMs: 0, playing: true, ended: false });
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/data']);
    await source.stop();
  });

  it('replays events at their times, keeping counts current', async () => {
    vi.useFakeTimers();
    const source = openFileSource(JSON.stringify(recording), 'rec:1', 'demo.json', { replay: { startAt: 'start' } });
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
    const source = openFileSource(JSON.stringify(recording), 'rec:2', 'demo.json', { replay: { loop: true, loopPauseMs: 500, speed: 2, startAt: 'start' } });
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

  it('stops at its final state unless looping, and says where it is', async () => {
    vi.useFakeTimers();
    const source = openFileSource(JSON.stringify(recording), 'rec:3', 'demo.json', { replay: { startAt: 'start' } }) as RecordingSource;
    const sink = new RecordingSink();
    await source.start(sink);
    expect(source.replayState()).toEqual({ positionMs: 0, durationMs: 3000, playing: true, loop: false, ended: false });
    await vi.advanceTimersByTimeAsync(1500);
    expect(source.replayState()).toMatchObject({ positionMs: 1500, playing: true });
    await vi.advanceTimersByTimeAsync(60_000);
    // Ended: the final state stays, nothing starts over, and the sink was told.
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/logs']);
    expect(source.replayState()).toEqual({ positionMs: 3000, durationMs: 3000, playing: false, loop: false, ended: true });
    expect(sink.replays.at(-1)).toMatchObject({ ended: true });
    expect(source.now()).toBe(Date.parse('2026-11-28T00:00:00.000Z') + 3000);
    await source.stop();
  });

  it('pauses (events and its clock wait), resumes, restarts from the snapshot, and loops on request', async () => {
    vi.useFakeTimers();
    const source = openFileSource(JSON.stringify(recording), 'rec:4', 'demo.json', { replay: { startAt: 'start' } }) as RecordingSource;
    const sink = new RecordingSink();
    await source.start(sink);
    const captured = Date.parse('2026-11-28T00:00:00.000Z');
    await vi.advanceTimersByTimeAsync(1200);
    source.controlReplay('pause');
    expect(source.replayState()).toMatchObject({ positionMs: 1200, playing: false, ended: false });
    await vi.advanceTimersByTimeAsync(10_000);
    // Paused: the ADDED at 2 s has not come, and the recording's clock stands still.
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/data']);
    expect(source.now()).toBe(captured + 1200);
    source.controlReplay('play');
    await vi.advanceTimersByTimeAsync(800);
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/data', 'app/logs']);
    source.controlReplay('restart');
    expect(source.replayState()).toMatchObject({ positionMs: 0, playing: true });
    expect(sink.names('persistentvolumeclaims')).toEqual(['app/data']); // the snapshot again: logs came later
    source.controlReplay('loop-on');
    await vi.advanceTimersByTimeAsync(3000 + 3000 + 1);
    // Looped: the second pass has started over (after the loop pause) and is replaying again.
    expect(source.replayState()).toMatchObject({ loop: true, ended: false, playing: true });
    expect(source.replayState().positionMs).toBeLessThan(3000);
    // Play after the end starts over.
    source.controlReplay('loop-off');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(source.replayState()).toMatchObject({ ended: true, playing: false });
    source.controlReplay('play');
    expect(source.replayState()).toMatchObject({ ended: false, playing: true, positionMs: 0 });
    await source.stop();
  });
});
