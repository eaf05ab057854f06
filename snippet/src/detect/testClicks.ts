import { ACTION, type Click } from './Click'

/** Test helper: a resolved primary click on `k`, unanswered unless `a`/`sa` say otherwise. */
export const click = (t: number, o: Partial<Click> = {}): Click => ({
  x: 100,
  y: 200,
  t,
  k: 'button.buy',
  c: ACTION,
  b: 0,
  m: false,
  a: Infinity,
  sa: Infinity,
  ...o,
})
