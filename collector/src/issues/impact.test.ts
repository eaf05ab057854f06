import { describe, expect, it } from 'vitest'
import { impact, MIN_SESSIONS_PER_SIDE, wilson } from './impact.ts'

describe('wilson', () => {
  it('gives the published interval for 81 of 263 (Newcombe 1998, table I)', () => {
    const [l, u] = wilson(81, 263)
    expect(l).toBeCloseTo(0.2553, 4)
    expect(u).toBeCloseTo(0.3662, 4)
  })
})

describe('impact', () => {
  it('compares the sessions that met the issue with the rest of the page, with a 95 % interval', () => {
    // Newcombe 1998, table II example (a): 56/70 vs 48/80 → difference 0.2, interval 0.0524 to 0.3339.
    const r = impact('purchase', { sessions: 80, converted: 48, value: 0 }, { sessions: 70, converted: 56, value: 0 })
    expect(r.reason).toBeNull()
    expect(r.impact).toEqual({
      goal: 'purchase',
      affectedSessions: 80,
      affectedConversion: 0.6,
      baselineSessions: 70,
      baselineConversion: 0.8,
      lostConversions: 16,
      low: 4.19,
      high: 26.71,
      lostValue: null,
    })
  })

  it('tells the value lost when goals carry values', () => {
    const r = impact('any', { sessions: 10, converted: 1, value: 50 }, { sessions: 10, converted: 5, value: 400 })
    expect(r.impact).toMatchObject({
      affectedConversion: 0.1,
      baselineConversion: 0.5,
      lostConversions: 4,
      lostValue: 350,
    })
  })

  it('says why there is no figure below the sample size, and when nothing converts', () => {
    const small = impact(
      'any',
      { sessions: MIN_SESSIONS_PER_SIDE - 1, converted: 0, value: 0 },
      { sessions: 50, converted: 20, value: 0 },
    )
    expect(small.impact).toBeNull()
    expect(small.reason).toMatch(
      /too few sessions to compare: 4 met the issue and 50 viewed the page without it; at least 5/,
    )
    const none = impact('purchase', { sessions: 10, converted: 0, value: 0 }, { sessions: 10, converted: 0, value: 0 })
    expect(none.impact).toBeNull()
    expect(none.reason).toMatch(/reached the goal "purchase"/)
  })
})
