/**
 * The replay of a recording (the demo, a `kse record` file), visible and in the user's hands: where it is
 * ("0:42 / 1:15"), pause and play, restart, and looping. A replay stops at its final state unless looped, so
 * nothing vanishes while someone reads it. The position ticks between status updates on the page's clock.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReplayAction, ReplayState } from '../../../shared/model/status';
import { useApi } from '../api/api-context';
import { keys } from '../api/queries';
import { errorText } from '../components/StateMessage';
import { useI18n } from '../i18n/i18n';
import { useWallClock } from '../state/clock';

/** "m:ss" of a duration in milliseconds (recorded time). */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** The position now: the reported one, advanced by the time since it was reported while playing. */
export function replayPosition(replay: ReplayState, reportedAt: number, now: number): number {
  if (!replay.playing) return replay.positionMs;
  return Math.min(replay.durationMs, replay.positionMs + Math.max(0, now - reportedAt));
}

export function ReplayControls({ clusterId, replay, updatedAt }: { clusterId: string; replay: ReplayState; updatedAt: number }) {
  const { t, lang } = useI18n();
  const api = useApi();
  const client = useQueryClient();
  // The position advances on the browser's clock from the moment the status was fetched (updatedAt).
  const now = useWallClock(500);
  const [error, setError] = useState<string>();
  const position = replayPosition(replay, updatedAt, now);
  const act = (action: ReplayAction) =>
    api.controlReplay({ clusterId, action }).then(
      (status) => {
        setError(undefined);
        client.setQueryData(keys.status(clusterId), status);
      },
      (e: unknown) => setError(errorText(e, lang)),
    );
  const state = replay.ended ? 'ended' : replay.playing ? 'playing' : 'paused';
  const label = t(`replay.${state}`);
  const where = t('replay.position', { position: clockText(position), duration: clockText(replay.durationMs) });
  return (
    <span className="replay" role="group" aria-label={t('replay.label')} data-testid="replay" data-playing={replay.playing} data-ended={replay.ended} data-loop={replay.loop}>
      {/* What the replay is doing, in words: a playing one changes what is on screen while it is read. */}
      <span className={`replay-label replay-${state}`} data-drop="4" data-testid="replay-state" title={state === 'playing' ? t('replay.playingHint') : label}>
        {state === 'playing' && <span className="replay-live" aria-hidden="true" />}
        {label}
      </span>
      <progress className="replay-bar" max={replay.durationMs || 1} value={position} aria-label={where} aria-valuetext={where} />
      <span className="replay-time" data-testid="replay-position">
        {where}
      </span>
      {replay.playing ? (
        <button type="button" className="icon-button small" aria-label={t('replay.pause')} title={t('replay.pause')} onClick={() => void act('pause')} data-testid="replay-pause">
          <span aria-hidden="true">❚❚</span>
        </button>
      ) : (
        <button type="button" className="icon-button small" aria-label={t('replay.play')} title={t('replay.play')} onClick={() => void act('play')} data-testid="replay-play">
          <span aria-hidden="true">▶</span>
        </button>
      )}
      <button type="button" className="icon-button small" aria-label={t('replay.restart')} title={t('replay.restart')} onClick={() => void act('restart')} data-testid="replay-restart">
        <span aria-hidden="true">↺</span>
      </button>
      <button
        type="button"
        className={replay.loop ? 'icon-button small pressed' : 'icon-button small'}
        aria-pressed={replay.loop}
        aria-label={t('replay.loop')}
        title={t('replay.loopHint')}
        onClick={() => void act(replay.loop ? 'loop-off' : 'loop-on')}
        data-testid="replay-loop"
      >
        <span aria-hidden="true">⟳</span>
      </button>
      {error && (
        <span className="tone-text-bad small-text" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
