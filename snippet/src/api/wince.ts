import type { ScoreTuning, Struggle } from '../score/createStruggleScore'
import type { SignalEvent } from '../wire'
import { guard } from '../core/guard'
import { consent, ctx } from '../transport/queue'
import { on } from './callbacks'
import { tune } from './emit'
import { register } from '../ext/ext'
import type { Factory } from '../ext/Ctx'
import { live, stop } from '../stop'

/** What each page event hands its callbacks. */
export interface WinceEvents {
  /** A detector fired (a copy: changing it changes nothing sent). */
  signal: SignalEvent
  /** The struggle score crossed its threshold. */
  struggle: Struggle
  /** The help prompt's action was chosen: 'chat' opens the site's chat; 'fallback' when the site has no help link. */
  help: { action: 'chat' | 'fallback' }
}

/**
 * The page API, the snippet's only global (`window.wince`):
 * - `wince('on', 'signal' | 'struggle', cb)`
 * - `wince('consent', false | true)`: stop / resume sending (DNT and GPC always win)
 * - `wince('config', { weights, threshold })`: tune the struggle score
 * - `wince('stop')`: stop everything, remove every listener
 * - `wince('on', 'help', cb)`: the help prompt's 'chat' action was chosen: open the site's chat
 * - `wince('goal', name, value?)`: the visitor reached a conversion goal (handled by the boot chunk)
 * - `wince('x', name, factory)`: used by Wince's own lazily loaded chunks to register
 */
export type WinceApi = {
  <T extends keyof WinceEvents>(cmd: 'on', topic: T, cb: (data: WinceEvents[T]) => void): void
  (cmd: 'consent', on: boolean): void
  (cmd: 'config', o: ScoreTuning): void
  (cmd: 'stop'): void
  (cmd: 'goal', name: string, value?: number): void
}

/** Runs one page API call; unknown calls are ignored and nothing ever throws into the page. */
// The arguments come from the page at run time, untyped: each command reads them as its
// signature in `WinceApi` says (the casts below), and every branch is guarded.
export const wince = guard((cmd: string, a?: unknown, b?: unknown): void => {
  // The page API's typed overloads (WinceApi) give each command its arguments; this is the one untyped body behind them.
  if (cmd == 'on') on(a as string, b)
  else if (cmd == 'consent') consent(a as boolean)
  else if (cmd == 'config') tune(a as ScoreTuning)
  else if (cmd == 'stop') stop()
  else if (cmd == 'x') live && register(b as Factory)
  // Anything else is the boot chunk's (`goal`…): kept until it loads, which then takes them over.
  else ctx.u.push(cmd, a, b)
}) as WinceApi

/**
 * Installs `window.wince`, replacing the queue stub a site may have pasted
 * (`window.wince=window.wince||function(){(wince.q=wince.q||[]).push(arguments)}`)
 * and replaying the calls it queued.
 */
export function install(): void {
  // The page's `window.wince` (the queue stub, if any): not in the DOM's types.
  const w = window as unknown as { wince?: { q?: Iterable<unknown>[] } }
  const q = w.wince?.q || []
  // `window.wince` is ours (the queue stub's or this function); its type is the page's own business.
  w.wince = wince as never
  // Calls queued before the script loaded, replayed as made (the guard ignores what does not fit).
  for (const args of q) (wince as (...a: unknown[]) => void)(...args)
}
