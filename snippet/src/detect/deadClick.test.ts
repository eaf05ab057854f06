import { describe, expect, it } from 'vitest'
import { PLAIN, type Click } from './Click'
import { createDeadClick, DEAD_CLICK_WAIT_MS } from './deadClick'
import { click } from './testClicks'

const run = (clicks: Click[]) => {
  const dead = createDeadClick()
  return clicks.map(dead).filter(Boolean)
}

describe('dead click', () => {
  it('calls an unanswered click on a button dead', () => {
    expect(run([click(0)])).toEqual([
      { type: 'dead_click', x: 100, y: 200, t: 0, n: 1, ms: DEAD_CLICK_WAIT_MS, why: 'no-response', k: 'button.buy' },
    ])
  })

  it('is alive when anything answers within the wait', () => {
    expect(run([click(0, { _answered: 5 }), click(5000, { _answered: 5990 })])).toEqual([])
  })

  it('is alive for a slow button whose network request starts at once', () => {
    // The fetch starts 3 ms after the click; its response comes 4 s later.
    expect(run([click(0, { _answered: 3 })])).toEqual([])
  })

  it('calls a click answered only after the wait dead', () => {
    expect(run([click(0, { _answered: DEAD_CLICK_WAIT_MS + 200 })]).length).toBe(1)
  })

  it('does not count a selection change as an answer on an actionable element', () => {
    expect(run([click(0, { _selected: 100 })]).length).toBe(1)
  })

  it('ignores plain (non-actionable) targets, modifier and non-primary clicks', () => {
    expect(run([click(0, { _kind: PLAIN }), click(5000, { _modified: true }), click(10000, { _button: 2 })])).toEqual(
      [],
    )
  })

  it('does not call a click that threw dead (it is an error click)', () => {
    expect(run([click(0, { _errored: true })])).toEqual([])
  })

  it('reports repeated dead clicks on one element once, others separately', () => {
    const v = run([click(0), click(300), click(600), click(900, { _el: 'a.more' }), click(10_000)])
    expect(v.map((x) => [x!.k, x!.t])).toEqual([
      ['button.buy', 0],
      ['a.more', 900],
      ['button.buy', 10_000],
    ])
  })
})
