import { describe, expect, it } from 'vitest'
import { fraction } from './fraction'

describe('fraction', () => {
  it('gives the offset as a share of the size, to hundredths', () => {
    expect(fraction(0, 200)).toBe(0)
    expect(fraction(50, 200)).toBe(0.25)
    expect(fraction(200, 200)).toBe(1)
    expect(fraction(1, 3)).toBe(0.33)
  })

  it('clamps offsets outside the box', () => {
    expect(fraction(-3, 100)).toBe(0)
    expect(fraction(130, 100)).toBe(1)
  })

  it('gives the middle of an empty box', () => {
    expect(fraction(5, 0)).toBe(0.5)
    expect(fraction(0, -1)).toBe(0.5)
  })
})
