import { describe, expect, it } from 'vitest'
import { relativeTime } from './relativeTime.ts'

const now = 1_750_000_000_000

describe('relativeTime', () => {
  it('says just now within ten seconds either way', () => {
    expect(relativeTime(now, now)).toBe('just now')
    expect(relativeTime(now - 9_999, now)).toBe('just now')
    expect(relativeTime(now + 5_000, now)).toBe('just now')
  })

  it('counts seconds, minutes, hours and days, rounding down', () => {
    expect(relativeTime(now - 10_000, now)).toBe('10 s ago')
    expect(relativeTime(now - 59_999, now)).toBe('59 s ago')
    expect(relativeTime(now - 60_000, now)).toBe('1 min ago')
    expect(relativeTime(now - 4 * 60_000 - 59_000, now)).toBe('4 min ago')
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 h ago')
    expect(relativeTime(now - 2 * 86_400_000 - 1, now)).toBe('2 d ago')
  })

  it('puts a time ahead of now in the future', () => {
    expect(relativeTime(now + 5 * 60_000, now)).toBe('in 5 min')
  })
})
