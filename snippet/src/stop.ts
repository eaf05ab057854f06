import { stopAll } from './core/registry'
import * as queue from './transport/queue'
import * as callbacks from './api/callbacks'
import * as activity from './dom/activity'
import * as clicks from './dom/clicks'

/** Started and not stopped; chunks only run while it is on. */
export let live = false

/** Marks Wince started. */
export const begin = (): void => {
  live = true
}

/**
 * Stops everything in reverse order: sends what is queued, removes every listener and wrapper.
 * Apart from `start` so that the page API (which `start` installs) can call it without a cycle.
 */
export function stop(): void {
  if (!live) return
  live = false
  clicks.stop()
  activity.stop()
  queue.stop()
  callbacks.stop()
  stopAll()
}
