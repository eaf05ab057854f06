import { describe, expect, it } from 'vitest'
import { PLAIN, type Click } from './Click'
import { createRageClick } from './rageClick'
import { click } from './testClicks'
import type { Verdict } from './Verdict'

/** Feeds resolved clicks in order, then ends the burst: every verdict, in order. */
function run(clicks: Click[]): Verdict[] {
  const rage = createRageClick()
  const out = clicks.map((c) => rage.push(c))
  out.push(rage.end())
  return out.filter((v): v is Verdict => !!v)
}

describe('rage click', () => {
  it('calls four unanswered clicks on a dead button rage', () => {
    expect(run([click(0), click(200), click(400, { x: 110 }), click(600, { y: 190 })])).toEqual([
      { type: 'rage_click', x: 100, y: 200, t: 0, n: 4, ms: 600, why: 'no-response', k: 'button.buy' },
    ])
  })

  it('keeps a short burst open when its clicks were resolved before the next press was dispatched', () => {
    // A busy page resolved the first two (nothing was waiting) before it dispatched the third,
    // pressed 200 ms after the second.
    const rage = createRageClick()
    expect([rage.push(click(0)), rage.push(click(200)), rage.end()]).toEqual([undefined, undefined, undefined])
    expect([rage.push(click(400)), rage.push(click(600)), rage.end()]).toEqual([
      undefined,
      undefined,
      { type: 'rage_click', x: 100, y: 200, t: 0, n: 4, ms: 600, why: 'no-response', k: 'button.buy' },
    ])
  })

  it('does not join a press outside the gap to a short burst kept open', () => {
    const rage = createRageClick()
    expect([rage.push(click(0)), rage.push(click(200)), rage.end()]).toEqual([undefined, undefined, undefined])
    // 1.3 s after the second press: a new burst of one, then two more make three — rage of those three only.
    expect([rage.push(click(1500)), rage.end()]).toEqual([undefined, undefined])
    expect([rage.push(click(1700)), rage.end()]).toEqual([undefined, undefined])
    expect([rage.push(click(1900)), rage.end()].map((v) => v && [v.type, v.n, v.t])).toEqual([
      undefined,
      ['rage_click', 3, 1500],
    ])
  })

  it('closes a burst that is already rage when nothing is waiting; a late press starts anew', () => {
    const rage = createRageClick()
    rage.push(click(0))
    rage.push(click(200))
    rage.push(click(400))
    expect(rage.end()).toMatchObject({ type: 'rage_click', n: 3 })
    expect([rage.push(click(600)), rage.end()]).toEqual([undefined, undefined])
  })

  it('ignores a quantity stepper the page answers each time', () => {
    expect(run([0, 150, 300, 450, 600, 750].map((t) => click(t, { _answered: t + 16 })))).toEqual([])
  })

  it('ignores a debounced stepper answered after the last click', () => {
    // Every click's first answer is the debounced update at 900 ms.
    expect(run([0, 150, 300, 450].map((t) => click(t, { _answered: 900 })))).toEqual([])
  })

  it('ignores a carousel "next" whose slides mutate, and a calendar paging months', () => {
    expect(run([0, 300, 600].map((t) => click(t, { _el: 'button.next', _answered: t + 300 })))).toEqual([])
  })

  it('ignores a triple-click selecting text (selection answers on plain text)', () => {
    expect(
      run([
        click(0, { _kind: PLAIN, _selected: 120 }),
        click(150, { _kind: PLAIN, _selected: 280 }),
        click(300, { _kind: PLAIN }),
      ]),
    ).toEqual([])
  })

  it('still calls rage on a text-like button whose text gets selected by the clicks', () => {
    const v = run([click(0, { _selected: 120 }), click(150, { _selected: 280 }), click(300)])
    expect(v.map((x) => [x.type, x.n])).toEqual([['rage_click', 3]])
  })

  it('ignores a double-click to edit followed by a click', () => {
    expect(run([click(0), click(150, { _answered: 160 }), click(400)])).toEqual([])
  })

  it('counts only the unanswered clicks after a spinner appeared', () => {
    const v = run([click(0, { _answered: 40 }), click(300), click(500), click(700), click(900)])
    expect(v).toEqual([
      { type: 'rage_click', x: 100, y: 200, t: 300, n: 4, ms: 600, why: 'no-response', k: 'button.buy' },
    ])
  })

  it('ignores modifier and non-primary clicks', () => {
    expect(
      run([click(0, { _modified: true }), click(100, { _modified: true }), click(200, { _modified: true })]),
    ).toEqual([])
    expect(run([click(0, { _button: 1 }), click(100, { _button: 1 }), click(200, { _button: 1 })])).toEqual([])
  })

  it('needs three clicks, close in time', () => {
    expect(run([click(0), click(200)])).toEqual([])
    expect(run([click(0), click(1200), click(2400)])).toEqual([])
  })

  it('needs the clicks on one spot or one element', () => {
    const spread = [click(0, { _el: 'a' }), click(200, { _el: 'b', x: 180 }), click(400, { _el: 'c', x: 260 })]
    expect(run(spread)).toEqual([])
    const wide = [click(0), click(200, { x: 300 }), click(400, { x: 20 })]
    expect(run(wide).map((v) => v.n)).toEqual([3])
  })

  it('reports two separate bursts separately', () => {
    const v = run([
      click(0),
      click(100),
      click(200),
      click(5000, { _el: 'x' }),
      click(5100, { _el: 'x' }),
      click(5200, { _el: 'x' }),
    ])
    expect(v.map((x) => [x.k, x.n, x.t])).toEqual([
      ['button.buy', 3, 0],
      ['x', 3, 5000],
    ])
  })
})
