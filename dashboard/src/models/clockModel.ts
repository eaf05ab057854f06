import { signal, type ReadonlySignal } from '@preact/signals'

export interface ClockModel {
  /** Epoch ms, updated every tick: relative times ("2 min ago") read it to stay current. */
  now: ReadonlySignal<number>
  /** Starts ticking; returns the cleanup. */
  start(): () => void
}

/** A coarse clock. Default tick 10 s: the finest relative time shown below a minute is seconds, which may lag that much. */
export function createClock(tickMs = 10_000): ClockModel {
  const now = signal(Date.now())
  return {
    now,
    start() {
      now.value = Date.now()
      const timer = setInterval(() => (now.value = Date.now()), tickMs)
      return () => clearInterval(timer)
    },
  }
}
