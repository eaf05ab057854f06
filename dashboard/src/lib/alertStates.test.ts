import { describe, expect, it } from 'vitest'
import type { Alert } from '@wince/collector'
import { actionsFor, ACTION_STATE, applyUpdate, matchesFilter, refreshStates } from './alertStates.ts'

const alert = (id: string, extra: Partial<Alert> = {}): Alert => ({
  id,
  site: 'demo',
  session: 's',
  pageView: 'p',
  url: 'http://x/',
  ts: 1,
  score: 5,
  reasons: [],
  ...extra,
})

describe('actionsFor', () => {
  it('offers claim, resolve and dismiss on an open alert', () => {
    expect(actionsFor('open')).toEqual(['claim', 'resolve', 'dismiss'])
  })
  it('lets a claimed alert be resolved, dismissed or given back', () => {
    expect(actionsFor('claimed')).toEqual(['resolve', 'dismiss', 'reopen'])
  })
  it('only reopens a closed alert', () => {
    expect(actionsFor('resolved')).toEqual(['reopen'])
    expect(actionsFor('dismissed')).toEqual(['reopen'])
  })
  it('maps every action to the state the collector records', () => {
    expect(ACTION_STATE).toEqual({ claim: 'claimed', resolve: 'resolved', dismiss: 'dismissed', reopen: 'open' })
  })
})

describe('matchesFilter', () => {
  it('treats an alert without a state as open', () => {
    expect(matchesFilter(alert('a'), 'open')).toBe(true)
    expect(matchesFilter(alert('a'), 'claimed')).toBe(false)
    expect(matchesFilter(alert('a', { state: 'resolved' }), 'all')).toBe(true)
    expect(matchesFilter(alert('a', { state: 'resolved' }), 'open')).toBe(false)
  })
})

describe('applyUpdate', () => {
  it('sets the state and who set it', () => {
    const seen = new Map<string, number>()
    const list = [alert('a'), alert('b')]
    const next = applyUpdate(list, { alertId: 'b', state: 'claimed', by: 'ana', note: '', at: 10 }, seen)
    expect(next.map((a) => [a.id, a.state, a.stateBy])).toEqual([
      ['a', undefined, undefined],
      ['b', 'claimed', 'ana'],
    ])
    expect(list[1]!.state).toBeUndefined()
  })

  it('ignores an update older than the one applied', () => {
    const seen = new Map<string, number>()
    let list: readonly Alert[] = [alert('a')]
    list = applyUpdate(list, { alertId: 'a', state: 'resolved', by: 'ana', note: '', at: 20 }, seen)
    const same = applyUpdate(list, { alertId: 'a', state: 'claimed', by: 'bo', note: '', at: 10 }, seen)
    expect(same).toBe(list)
    expect(same[0]!.state).toBe('resolved')
  })

  it('returns the same list for an unknown alert', () => {
    const list = [alert('a')]
    expect(applyUpdate(list, { alertId: 'zz', state: 'claimed', by: 'x', note: '', at: 1 }, new Map())).toBe(list)
  })
})

describe('refreshStates', () => {
  it('takes the stored state unless one arrived live', () => {
    const seen = new Map([['b', 5]])
    const list = [alert('a'), alert('b', { state: 'claimed', stateBy: 'ana' })]
    const next = refreshStates(
      list,
      [alert('a', { state: 'dismissed', stateBy: 'bo' }), alert('b', { state: 'open' })],
      seen,
    )
    expect(next.map((a) => a.state)).toEqual(['dismissed', 'claimed'])
    expect(refreshStates(next, [alert('a', { state: 'dismissed', stateBy: 'bo' })], seen)).toBe(next)
  })
})
