import { describe, expect, it } from 'vitest'
import { duration, timeOnSite } from './duration.ts'

describe('duration', () => {
  it('counts seconds, then minutes, then hours and minutes, rounding down', () => {
    expect(duration(0)).toBe('0 s')
    expect(duration(59_999)).toBe('59 s')
    expect(duration(60_000)).toBe('1 min')
    expect(duration(4 * 60_000 + 59_000)).toBe('4 min')
    expect(duration(3_600_000)).toBe('1 h')
    expect(duration(3_600_000 + 5 * 60_000 + 30_000)).toBe('1 h 5 min')
  })

  it('reads a negative or broken span as none', () => {
    expect(duration(-5_000)).toBe('0 s')
    expect(duration(Number.NaN)).toBe('0 s')
  })
})

describe('timeOnSite', () => {
  it('runs from the first page view to the alert or a later page view', () => {
    expect(timeOnSite(1_000, 61_000)).toBe(60_000)
    expect(timeOnSite(1_000, 61_000, 121_000)).toBe(120_000)
    expect(timeOnSite(null, 61_000)).toBeNull()
  })
})
