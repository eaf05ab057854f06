import { describe, expect, it } from 'vitest'
import { QUICK_BACK_MS, quickBack, type Visit } from './quickBack'

const A = 'https://shop.test/'
const B = 'https://shop.test/product/lamp'
const C = 'https://shop.test/basket'

describe('quick back', () => {
  it('starts the trail on the first page', () => {
    expect(quickBack([], A, 1000)).toEqual([[{ u: A, a: 1000 }], undefined])
  })

  it('calls going to a page and straight back a quick back about that page', () => {
    const trail: Visit[] = [
      { u: A, a: 0 },
      { u: B, a: 10_000 },
    ]
    expect(quickBack(trail, A, 13_000)).toEqual([
      [
        { u: B, a: 10_000 },
        { u: A, a: 13_000 },
      ],
      { type: 'quick_back', x: 0, y: 0, t: 13_000, n: 1, ms: 3000, why: 'quick-back', u: B },
    ])
  })

  it('ignores coming back after a long stay', () => {
    const trail: Visit[] = [
      { u: A, a: 0 },
      { u: B, a: 10_000 },
    ]
    expect(quickBack(trail, A, 10_000 + QUICK_BACK_MS + 25_000)[1]).toBeUndefined()
  })

  it('ignores moving on to a third page quickly', () => {
    const trail: Visit[] = [
      { u: A, a: 0 },
      { u: B, a: 10_000 },
    ]
    expect(quickBack(trail, C, 11_000)).toEqual([
      [
        { u: B, a: 10_000 },
        { u: C, a: 11_000 },
      ],
      undefined,
    ])
  })

  it('treats a reload as the same page', () => {
    const trail: Visit[] = [
      { u: A, a: 0 },
      { u: B, a: 10_000 },
    ]
    expect(quickBack(trail, B, 11_000)).toEqual([trail])
  })
})
