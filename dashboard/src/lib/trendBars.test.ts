import { describe, expect, it } from 'vitest'
import { niceMax, trendBars } from './trendBars.ts'

const H = 3_600_000

describe('trendBars', () => {
  it('stacks types in order per bucket and keeps empty buckets', () => {
    const bars = trendBars(
      [
        { t: 0, type: 'dead_click', n: 2 },
        { t: 0, type: 'rage_click', n: 3 },
        { t: 2 * H, type: 'dead_click', n: 1 },
      ],
      ['rage_click', 'dead_click'],
      30 * 60_000,
      3 * H,
      H,
    )
    expect(bars).toEqual([
      {
        t: 0,
        total: 5,
        segments: [
          { type: 'rage_click', n: 3, y0: 0 },
          { type: 'dead_click', n: 2, y0: 3 },
        ],
      },
      { t: H, total: 0, segments: [] },
      { t: 2 * H, total: 1, segments: [{ type: 'dead_click', n: 1, y0: 0 }] },
    ])
  })
})

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1)
    expect(niceMax(1)).toBe(1)
    expect(niceMax(3)).toBe(5)
    expect(niceMax(7)).toBe(10)
    expect(niceMax(12)).toBe(20)
    expect(niceMax(430)).toBe(500)
  })
})
