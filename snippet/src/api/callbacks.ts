import { guard } from '../core/guard'

/** Events a page can subscribe to with `wince('on', type, cb)`. */
export type Topic = 'signal' | 'struggle'

type Callback = (data: unknown) => void
let subs: Partial<Record<string, Callback[]>> = {}

/** Subscribes; non-functions are ignored. */
export function on(topic: string, cb: unknown): void {
  if (typeof cb == 'function') (subs[topic] ||= []).push(cb as Callback)
}

/** Calls each subscriber, each guarded: a throwing callback harms neither the page nor the others. */
export function fire(topic: Topic, data: unknown): void {
  for (const f of subs[topic] || []) guard(f)(data)
}

/** Forgets every subscriber. */
export function stop(): void {
  subs = {}
}
