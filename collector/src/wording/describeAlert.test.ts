import { describe, expect, it } from 'vitest'
import { describeAlert } from './describeAlert.ts'

describe('describeAlert', () => {
  it('names the page path, the strongest reasons and the score', () => {
    const t = 1_800_000_000_000
    expect(
      describeAlert({
        url: 'https://shop.example/checkout',
        score: 6.54,
        reasons: [
          { type: 'rage_click', sel: 'button#buy', lb: 'button', t, n: 5, pts: 4 },
          { type: 'dead_click', sel: 'button#buy', lb: 'button', t, n: 1, pts: 2 },
          { type: 'mouse_thrash', sel: '', lb: '', t, n: 9, pts: 1 },
          { type: 'quick_back', sel: '', lb: '', t, n: 1, pts: 1 },
        ],
      }),
    ).toBe(
      'Visitor struggling on /checkout: rage click ×5 on button#buy; dead click on button#buy; mouse thrashing (score 6.5)',
    )
  })
})
