import { describe, expect, it } from 'vitest'
import { clockTime } from './clockTime.ts'

// Local-time constructors: the expectations hold in any time zone.
const now = new Date(2025, 2, 2, 18, 0, 0).getTime()

describe('clockTime', () => {
  it('shows only the time on the same day, zero-padded', () => {
    expect(clockTime(new Date(2025, 2, 2, 9, 5, 7).getTime(), now)).toBe('09:05:07')
  })

  it('adds the date on another day', () => {
    expect(clockTime(new Date(2025, 2, 1, 23, 59, 1).getTime(), now)).toBe('Mar 1, 23:59:01')
  })
})
