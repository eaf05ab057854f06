import { describe, expect, it } from 'vitest'
import { answer, answered, PLAIN, type Click } from './Click'
import { createDeadClick } from './deadClick'
import { createRageClick } from './rageClick'
import { click } from './testClicks'

/** A click whose page answered it (`change`, mutation…) `after` ms later, through {@link answer}. */
const answeredAfter = (t: number, after: number, selection = false): Click => {
  const c = click(t)
  answer(c, t + after, selection)
  return c
}

describe('answer', () => {
  it('takes an answer in the same clock tick as the click (a checkbox: change follows click by microseconds)', () => {
    const c = answeredAfter(100, 0)
    expect(c._answered).toBe(100)
    expect(createDeadClick()(c)).toBeUndefined()
  })

  it('keeps the first answer, and selection changes apart', () => {
    const c = answeredAfter(0, 40)
    answer(c, 900, false)
    answer(c, 20, true)
    answer(c, 60, true)
    expect([c._answered, c._selected]).toEqual([40, 20])
    // A selection change answers a plain target only.
    expect(answered(c, 30)).toBe(false)
    expect(answered({ ...c, _kind: PLAIN }, 30)).toBe(true)
  })

  it('leaves a checkbox toggled 6 times, each answered in its own tick, neither rage nor dead', () => {
    const rage = createRageClick()
    const dead = createDeadClick()
    const cs = [0, 150, 300, 450, 600, 750].map((t) => answeredAfter(t, 0))
    expect([...cs.flatMap((c) => [rage.push(c), dead(c)]), rage.end()].filter(Boolean)).toEqual([])
  })
})
