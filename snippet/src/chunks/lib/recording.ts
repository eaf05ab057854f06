import type { Ctx } from '../../ext/Ctx'

/** After a struggle the recorder follows the session live for this long (on its later pages too), ms. */
export const FOLLOW_MS = 3 * 60_000

/** Whether this session is recorded in mode `always`: decided once per session, by its sampling rate. */
export function sampled(c: Ctx, rate: number): boolean {
  let s = c.d<boolean>('rs')
  if (typeof s != 'boolean') c.s('rs', (s = Math.random() < rate))
  return s
}
