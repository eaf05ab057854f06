import { describe, expect, it } from 'vitest'
import { describeReason } from './describeReason.ts'

describe('describeReason', () => {
  it('counts rage clicks and names the element by selector', () => {
    expect(describeReason({ type: 'rage_click', sel: 'button#place-order', lb: 'button', n: 5 })).toBe(
      'rage click ×5 on button#place-order',
    )
  })

  it('leaves out a count of one', () => {
    expect(describeReason({ type: 'dead_click', sel: 'a.look-alike', lb: 'a', n: 1 })).toBe(
      'dead click on a.look-alike',
    )
  })

  it('falls back to the label when there is no selector', () => {
    expect(describeReason({ type: 'error_click', sel: '', lb: 'button "Pay"', n: 2 })).toBe(
      'error click ×2 on button "Pay"',
    )
  })

  it('does not read thrashing reversals as a count', () => {
    expect(describeReason({ type: 'mouse_thrash', sel: '', lb: '', n: 9 })).toBe('mouse thrashing')
    expect(describeReason({ type: 'mouse_thrash', sel: 'form#checkout', lb: 'form', n: 9 })).toBe(
      'mouse thrashing over form#checkout',
    )
  })

  it('words the other types', () => {
    expect(describeReason({ type: 'excessive_scroll', sel: '', lb: '', n: 6 })).toBe('excessive scrolling')
    expect(describeReason({ type: 'quick_back', sel: '', lb: '', n: 1 })).toBe('quick back')
  })

  it('reads a type added later by its name', () => {
    expect(describeReason({ type: 'form_loop', sel: 'form#signup', n: 3 })).toBe('form loop on form#signup')
  })
})
