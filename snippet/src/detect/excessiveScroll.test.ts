import { describe, expect, it } from 'vitest'
import { createExcessiveScroll, type ScrollSample } from './excessiveScroll'
import type { Verdict } from './Verdict'

/** Scroll positions (viewport heights) reached every `step` ms, with samples in between. */
function path(stops: number[], step: number, k: unknown = 'html'): ScrollSample[] {
  const out: ScrollSample[] = []
  stops.forEach((y, i) => {
    const from = stops[i - 1] ?? y
    for (let j = 1; j <= 5; j++) out.push({ y: from + ((y - from) * j) / 5, t: (i - 1) * step + (j * step) / 5, k })
  })
  return out
}

const run = (samples: ScrollSample[]) => {
  const scroll = createExcessiveScroll()
  return samples.map(scroll).filter((v): v is Verdict => !!v)
}

describe('excessive scroll', () => {
  it('calls fast big up-and-down swings excessive', () => {
    const v = run(path([0, 2, 0.5, 2.5, 1], 400))
    expect(v.map((x) => [x.type, x.n, x.ms, x.k])).toEqual([['excessive_scroll', 3, 800, 'html']])
  })

  it('ignores steady reading in one direction, fast or slow', () => {
    expect(run(path([0, 1, 2, 3, 4, 5, 6, 7], 300))).toEqual([])
  })

  it('ignores scrolling back once to re-read', () => {
    expect(run(path([0, 3, 2, 6], 400))).toEqual([])
  })

  it('ignores slow back-and-forth and small nudges', () => {
    expect(run(path([0, 2, 0.5, 2.5, 1, 3], 2000))).toEqual([])
    expect(run(path([1, 1.3, 1, 1.3, 1, 1.3, 1], 200))).toEqual([])
  })

  it('starts over when another element scrolls', () => {
    const a = path([0, 2, 0.5], 400, 'a')
    const b = path([0, 2, 0.5], 400, 'b').map((s) => ({ ...s, t: s.t + 1000 }))
    expect(run([...a, ...b])).toEqual([])
  })
})
