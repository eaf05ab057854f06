import { describe, expect, it } from 'vitest'
import type { Alert } from '@wince/collector'
import { groupAlerts } from './groupAlerts.ts'
import { withHelp } from './withHelp.ts'

const alert = (id: string, ts: number, over: Partial<Alert> = {}): Alert => ({
  id,
  site: 'demo',
  session: `s-${id}`,
  pageView: 'pv',
  url: 'http://shop/checkout',
  ts,
  score: 9,
  reasons: [],
  state: 'open',
  ...over,
})

describe('groupAlerts: one card per problem', () => {
  it('groups by issue, counts visitors struggling now, newest group first', () => {
    const list = [
      alert('a5', 500, { issue: 'pay' }),
      alert('b4', 400, { issue: 'menu' }),
      alert('a3', 300, { issue: 'pay' }),
      alert('a2', 200, { issue: 'pay', state: 'resolved' }),
      alert('a1', 100, { issue: 'pay', session: 's-a5' }),
      alert('c0', 50),
    ]
    const groups = groupAlerts(list)
    expect(groups.map((g) => g.key)).toEqual(['pay', 'menu', 'c0'])
    expect(groups[0]!.alerts.map((a) => a.id)).toEqual(['a5', 'a3', 'a2', 'a1'])
    // a2 is resolved; a1 is the same visitor as a5.
    expect(groups[0]!.struggling).toBe(2)
  })

  it('puts a problem with a visitor waiting for help first, the longest waiting first', () => {
    const list = [
      alert('n', 900, { issue: 'new' }),
      alert('h2', 500, { issue: 'late', help: 'requested', helpAt: 800 }),
      alert('h1', 300, { issue: 'early', help: 'requested', helpAt: 600 }),
      alert('x', 200, { issue: 'early' }),
      alert('done', 100, { issue: 'gone', help: 'requested', helpAt: 100, state: 'resolved' }),
    ]
    const groups = groupAlerts(list)
    expect(groups.map((g) => g.key)).toEqual(['early', 'late', 'new', 'gone'])
    expect(groups[0]!.help.map((a) => a.id)).toEqual(['h1'])
    expect(groups[3]!.help).toEqual([])
  })
})

describe('withHelp', () => {
  it('marks a known alert, keeps its newer state, adds an unknown one, and keeps the list when nothing changes', () => {
    const current = [alert('a', 300, { state: 'claimed', stateBy: 'maria' }), alert('b', 100)]
    const next = withHelp(current, [
      alert('a', 300, { help: 'requested', helpAt: 400, state: 'open' }),
      alert('z', 200, { help: 'requested', helpAt: 410 }),
    ])
    expect(next.map((a) => [a.id, a.help, a.state])).toEqual([
      ['a', 'requested', 'claimed'],
      ['z', 'requested', 'open'],
      ['b', undefined, 'open'],
    ])
    expect(withHelp(next, [alert('a', 300, { help: 'requested', helpAt: 400 })])).toBe(next)
    expect(withHelp(next, [alert('b', 100)])).toBe(next)
  })
})
