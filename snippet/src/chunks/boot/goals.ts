import type { Ctx } from '../../ext/Ctx'
import { guard } from '../../core/guard'
import { page } from '../lib/chunk'

/** Longest goal name the collector keeps. */
export const GOAL_NAME_MAX = 64
/** Largest goal value the collector keeps (an order total in any currency). */
export const GOAL_VALUE_MAX = 1e9

/**
 * `wince('goal', name, value?)`: the visitor reached a conversion goal, sent at once (a
 * thank-you page is often left quickly). The name keeps the characters the collector
 * accepts; a value that is not a number in [0, 1e9] counts as none.
 */
export function goal(c: Ctx, name: unknown, value: unknown): void {
  const n = typeof name == 'string' ? name.replace(/[^\w .:-]/g, '').slice(0, GOAL_NAME_MAX) : ''
  if (!n) return
  const v = typeof value == 'number' && value >= 0 && value <= GOAL_VALUE_MAX ? value : 0
  c.q({ k: 'goal', id: c.r(), t: Date.now(), u: page(), name: n, v }, true)
}

/**
 * Takes over the page API calls the core leaves to this chunk (kept in `c.u` as flat
 * `cmd, a, b` triples until it loaded): handles those made so far, then every later one.
 */
export function takeCalls(c: Ctx): void {
  const call = guard((cmd: unknown, a: unknown, b: unknown) => void (cmd == 'goal' && goal(c, a, b)))
  const u = c.u
  for (let i = 0; i < u.length; i += 3) call(u[i], u[i + 1], u[i + 2])
  u.length = 0
  u.push = (...a: unknown[]) => (call(a[0], a[1], a[2]), 0)
}
