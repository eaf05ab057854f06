import { describe, expect, it } from 'vitest'
import type { Alert } from '@wince/collector'
import { mergeAlerts } from './mergeAlerts.ts'

const alert = (id: string, ts: number): Alert => ({
  id,
  site: 'demo',
  session: 's',
  pageView: 'p',
  url: 'http://x/',
  ts,
  score: 5,
  reasons: [],
})

describe('mergeAlerts', () => {
  it('puts new alerts first, newest first', () => {
    const merged = mergeAlerts([alert('a', 100), alert('b', 50)], [alert('c', 70), alert('d', 200)])
    expect(merged.map((a) => a.id)).toEqual(['d', 'a', 'c', 'b'])
  })

  it('drops alerts it already has, also within one batch', () => {
    const merged = mergeAlerts([alert('a', 100)], [alert('a', 100), alert('b', 150), alert('b', 150)])
    expect(merged.map((a) => a.id)).toEqual(['b', 'a'])
  })

  it('returns the same array when nothing is new', () => {
    const current = [alert('a', 100)]
    expect(mergeAlerts(current, [alert('a', 100)])).toBe(current)
  })

  it('keeps at most max, dropping the oldest', () => {
    const merged = mergeAlerts([alert('a', 1), alert('b', 2)], [alert('c', 3)], 2)
    expect(merged.map((a) => a.id)).toEqual(['c', 'b'])
  })
})
