/**
 * The replay player, in its own chunk: rrweb's Replayer is several times the
 * size of the rest of the dashboard, and only agents who open a replay need it.
 */
import { Replayer, type eventWithTime } from 'rrweb'
import 'rrweb/dist/style.css'
import type { ReplayEvent } from '../models/replayModel.ts'

export interface Player {
  /** The sandbox attribute of the iframe the page is rebuilt in: `allow-same-origin`, never `allow-scripts`. */
  sandbox: string
  play(): void
  pause(): void
  /** Adds events recorded since (following live). */
  add(events: readonly ReplayEvent[]): void
  /** Switches to live mode from `baseline` (epoch ms): added events play as their time comes. */
  goLive(baseline: number): void
  /** Called with the recorded viewport's size, to scale the player to its box. */
  onResize(listener: (size: { width: number; height: number }) => void): void
  onFinish(listener: () => void): void
  destroy(): void
}

/** A player over `root` for `events` (at least two: rrweb needs a meta event and a full snapshot). */
export function createPlayer(root: HTMLElement, events: readonly ReplayEvent[]): Player {
  const replayer = new Replayer(events as unknown as eventWithTime[], {
    root,
    // Jumps over idle stretches: agents want the struggle, not the minute the visitor read.
    skipInactive: true,
    showWarning: false,
    mouseTail: false,
    // Keeps the default: a page rebuilt in `sandbox="allow-same-origin"`, its scripts never run.
    UNSAFE_replayCanvas: false,
  })
  return {
    sandbox: replayer.iframe.getAttribute('sandbox') ?? '',
    play: () => replayer.play(replayer.getCurrentTime()),
    pause: () => replayer.pause(),
    add: (list) => {
      for (const e of list) replayer.addEvent(e as unknown as eventWithTime)
    },
    goLive: (baseline) => replayer.startLive(baseline),
    onResize: (listener) => void replayer.on('resize', (size) => listener(size as { width: number; height: number })),
    onFinish: (listener) => void replayer.on('finish', listener),
    destroy: () => replayer.destroy(),
  }
}
