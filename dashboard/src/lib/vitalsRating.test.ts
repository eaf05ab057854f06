import { describe, expect, it } from 'vitest'
import { formatVital, vitalsRating } from './vitalsRating.ts'

describe('vitalsRating', () => {
  it('rates LCP at 2.5 s and 4 s', () => {
    expect(vitalsRating('LCP', 2500)).toBe('good')
    expect(vitalsRating('LCP', 2501)).toBe('needs-improvement')
    expect(vitalsRating('LCP', 4000)).toBe('needs-improvement')
    expect(vitalsRating('LCP', 4001)).toBe('poor')
  })

  it('rates INP at 200 ms and 500 ms', () => {
    expect(vitalsRating('INP', 120)).toBe('good')
    expect(vitalsRating('INP', 200)).toBe('good')
    expect(vitalsRating('INP', 350)).toBe('needs-improvement')
    expect(vitalsRating('INP', 501)).toBe('poor')
  })

  it('rates CLS at 0.1 and 0.25', () => {
    expect(vitalsRating('CLS', 0)).toBe('good')
    expect(vitalsRating('CLS', 0.1)).toBe('good')
    expect(vitalsRating('CLS', 0.11)).toBe('needs-improvement')
    expect(vitalsRating('CLS', 0.26)).toBe('poor')
  })
})

describe('formatVital', () => {
  it('writes each vital in its usual unit', () => {
    expect(formatVital('LCP', 2640)).toBe('2.6 s')
    expect(formatVital('LCP', 840.4)).toBe('840 ms')
    expect(formatVital('INP', 183.6)).toBe('184 ms')
    expect(formatVital('CLS', 0.1234)).toBe('0.12')
    expect(formatVital('CLS', 0)).toBe('0.00')
  })
})
