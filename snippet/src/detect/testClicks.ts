import { ACTION, type Click } from './Click'

/** Test helper: a resolved primary click on `k`, unanswered unless `_answered`/`_selected` say otherwise. */
export const click = (t: number, o: Partial<Click> = {}): Click => ({
  x: 100,
  y: 200,
  t,
  _el: 'button.buy',
  _kind: ACTION,
  _button: 0,
  _modified: false,
  _answered: Infinity,
  _selected: Infinity,
  ...o,
})
