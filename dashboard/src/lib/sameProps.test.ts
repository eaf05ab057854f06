import { describe, expect, it } from 'vitest'
import { sameProps } from './sameProps.ts'

describe('sameProps', () => {
  it('treats callbacks as equal, arrays by their items, and anything else by identity', () => {
    const item = { id: 'a' }
    expect(sameProps({ a: 1, f: () => 1, list: [item] }, { a: 1, f: () => 2, list: [item] })).toBe(true)
    expect(sameProps({ list: [item] }, { list: [{ id: 'a' }] })).toBe(false)
    expect(sameProps({ a: 1 }, { a: 2 })).toBe(false)
    expect(sameProps({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    // A regrouped issue with the same alerts renders the same.
    expect(
      sameProps(
        { group: { key: 'k', alerts: [item], help: [], struggling: 1, latest: 5 } },
        { group: { key: 'k', alerts: [item], help: [], struggling: 1, latest: 5 } },
      ),
    ).toBe(true)
    expect(
      sameProps(
        { group: { key: 'k', alerts: [item], help: [], struggling: 1, latest: 5 } },
        { group: { key: 'k', alerts: [item], help: [], struggling: 2, latest: 5 } },
      ),
    ).toBe(false)
  })
})
