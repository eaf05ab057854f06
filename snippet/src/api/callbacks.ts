import { guard } from '../core/guard'

/**
 * Events a page can subscribe to with `wince('on', type, cb)`: `signal`, `struggle`,
 * `help` (fired by the help chunk); `st` is the core telling chunks a page view's settings.
 */
export type Topic = 'signal' | 'struggle' | 'help' | 'st'

type Callback = (data: unknown) => void
let subs: Partial<Record<string, Callback[]>> = {}

/** Subscribes; non-functions are ignored. */
export function on(topic: string, cb: unknown): void {
  // A function (checked first); the page API passes it the event its topic names.
  if (typeof cb == 'function') (subs[topic] ||= []).push(cb as Callback)
}

/** Calls each subscriber, each guarded: a throwing callback harms neither the page nor the others. */
export function fire(topic: string, data?: unknown): void {
  for (const f of subs[topic] || []) guard(f)(data)
}

/** Forgets every subscriber. */
export function stop(): void {
  subs = {}
}
