/**
 * The replay player, in its own chunk: rrweb's Replayer is several times the
 * size of the rest of the dashboard, and only agents who open a replay need it.
 */
import { Replayer, type eventWithTime } from 'rrweb'
import 'rrweb/dist/style.css'
import type { ReplayEvent } from '../models/replayModel.ts'

/** The recording's span: `start` and `end` epoch ms, `total` ms. */
export interface PlayerMeta {
  start: number
  end: number
  total: number
}

export interface Player {
  /** The sandbox attribute of the iframe the page is rebuilt in: `allow-same-origin`, never `allow-scripts`. */
  sandbox: string
  play(): void
  pause(): void
  /** Goes to `offset` ms into the recording, playing on or paused. */
  seek(offset: number, play: boolean): void
  /** Playback position, ms into the recording. */
  time(): number
  meta(): PlayerMeta
  /** Playback speed, 1 = as the visitor lived it. */
  setSpeed(speed: number): void
  /** Whether idle stretches are skipped (fast-forwarded). */
  setSkipIdle(on: boolean): void
  /** Adds events recorded since (following live). */
  add(events: readonly ReplayEvent[]): void
  /** Switches to live mode from `baseline` (epoch ms): added events play as their time comes. */
  goLive(baseline: number): void
  /** Called with the recorded viewport's size, to scale the player to its box. */
  onResize(listener: (size: { width: number; height: number }) => void): void
  onFinish(listener: () => void): void
  destroy(): void
}

/** How long the cursor's trail stays drawn, ms: long enough to read a path, short enough not to clutter. */
const TRAIL_MS = 800
/**
 * Idle longer than this is fast-forwarded when skipping is on, ms. rrweb's default is 10 s;
 * agents want the struggle, and 5 s of nothing is already a wait.
 */
const IDLE_MS = 5_000

/** A player over `root` for `events` (at least two: rrweb needs a meta event and a full snapshot). */
export function createPlayer(
  root: HTMLElement,
  events: readonly ReplayEvent[],
  options: { speed: number; skipIdle: boolean },
): Player {
  // Our ReplayEvent is rrweb's eventWithTime as stored (the collector keeps it as uploaded).
  const replayer = new Replayer(events as unknown as eventWithTime[], {
    root,
    speed: options.speed,
    skipInactive: options.skipIdle,
    inactivePeriodThreshold: IDLE_MS,
    showWarning: false,
    // The cursor's recent path, so a movement reads even in a still frame.
    mouseTail: { duration: TRAIL_MS, lineCap: 'round', lineWidth: 3, strokeStyle: 'rgba(11, 92, 173, 0.55)' },
    // Keeps the default: a page rebuilt in `sandbox="allow-same-origin"`, its scripts never run.
    UNSAFE_replayCanvas: false,
  })
  const meta = (): PlayerMeta => {
    const m = replayer.getMetaData()
    return { start: m.startTime, end: m.endTime, total: m.totalTime }
  }
  // Before its first play, rrweb's position is its baseline (0) minus the first event's
  // epoch time: a hugely negative offset. Playing "from the current time" then schedules
  // every event decades out, so only the full snapshot shows: the cursor never leaves
  // the top left, no click is seen and the replay never ends. Positions are clamped here.
  const time = () => Math.max(0, replayer.getCurrentTime())
  return {
    sandbox: replayer.iframe.getAttribute('sandbox') ?? '',
    play: () => replayer.play(time()),
    pause: () => replayer.pause(),
    seek: (offset, play) => (play ? replayer.play(offset) : replayer.pause(offset)),
    time,
    meta,
    setSpeed: (speed) => replayer.setConfig({ speed }),
    setSkipIdle: (on) => replayer.setConfig({ skipInactive: on }),
    add: (list) => {
      // Our ReplayEvent is rrweb's eventWithTime as stored (the collector keeps it as uploaded).
      for (const e of list) replayer.addEvent(e as unknown as eventWithTime)
    },
    goLive: (baseline) => replayer.startLive(baseline),
    // rrweb emits 'resize' with the new viewport size.
    onResize: (listener) => void replayer.on('resize', (size) => listener(size as { width: number; height: number })),
    onFinish: (listener) => void replayer.on('finish', listener),
    destroy: () => replayer.destroy(),
  }
}
