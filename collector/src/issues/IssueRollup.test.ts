import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore, type Store } from '../store/createStore.ts'
import { migrate } from '../store/migrate.ts'
import { queryIssueCounts, wholeDays } from '../queries/queryIssueCounts.ts'
import { queryIssueCountsRaw } from '../queries/queryIssueCountsRaw.ts'
import { queryRolledDays } from '../queries/queryRolledDays.ts'
import { goal, lines, pv, seedIssueEvents, sig } from '../testing/issueSeed.ts'
import type { Site } from '../sites/Sites.ts'
import { goalMatch } from './goalPatterns.ts'
import { IssueRollup } from './IssueRollup.ts'

// The roll-up of closed days must leave /api/issues' counts exactly the raw query's:
// before any roll, after one, after a late event for a rolled day (read the per-day way
// until rolled again), after two collectors roll the same day at once, and after a restart.
const HOUR = 3_600_000
const DAY = 24 * HOUR
const NOW = Date.now()
const TODAY = Math.floor(NOW / DAY) * DAY
/** Midnight UTC three days ago: the seeded sessions fall on that day and the next. */
const D0 = TODAY - 3 * DAY
const site: Site = {
  id: 'shop',
  origins: ['https://shop.test'],
  goals: [{ name: 'purchase' }, { name: 'order', url: '/thanks*' }],
}
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
let dir: string
let store: Store

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wince-issue-rollup-'))
  store = createStore({ dataDir: dir })
  await migrate(store.client)
  await seedIssueEvents(store, D0)
  // Two sessions today (not a closed day: never rolled), between midnight and now.
  const t = TODAY + Math.floor((NOW - TODAY) / 3)
  await store.insertJson(
    'page_views',
    lines([pv('u0', '/cart', t, 0), pv('u1', '/cart', t + 1, 0), pv('u1', '/thanks', t + 2, 1)]),
  )
  await store.insertJson('signals', lines([sig('u0', '/cart', 'button#pay', 'rage_click', t + 3, 'r-u0')]))
})
afterAll(async () => {
  await store?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const goalsOf = [goalMatch(site, ''), goalMatch(site, 'purchase'), goalMatch(site, 'order')]
const ranges = [
  { what: 'whole closed days', from: D0 - DAY, to: D0 + 2 * DAY },
  {
    what: 'a whole day, hours and minutes either side',
    from: D0 - 4 * HOUR + 5 * 60_000,
    to: D0 + DAY + 2 * HOUR + 30 * 60_000,
  },
  { what: 'part of a day, then whole days, then today', from: D0 + 10 * HOUR + 20 * 60_000, to: NOW + 1 },
  { what: 'whole days and today', from: D0, to: NOW + 1 },
]

/** The fast counts equal the raw ones for every range and goal; the whole days read from the roll-up are `rolled`. */
async function sameAsRaw(rolled: (range: { from: number; to: number }) => string[]) {
  for (const r of ranges)
    for (const g of goalsOf) {
      const range = { site: 'shop', from: r.from, to: r.to }
      const [fast, raw, days] = await Promise.all([
        queryIssueCounts(store.client, range, g),
        queryIssueCountsRaw(store.client, range, g),
        queryRolledDays(store.client, 'shop', wholeDays(range), g),
      ])
      expect(raw.length, r.what).toBeGreaterThan(0)
      expect(fast, `${r.what}, goal ${g.goal || 'any'}`).toEqual(raw)
      expect(days, r.what).toEqual(rolled(r))
    }
}
/** The closed days of a range with events (D0, D0 + 1) that lie whole inside it. */
const seededDays = (r: { from: number; to: number }) =>
  [D0, D0 + DAY].filter((d) => d >= r.from && d + DAY <= r.to).map(iso)

// Each test compares 4 ranges × 3 goals on a store: minutes on a loaded machine.
describe('IssueRollup', { timeout: 120_000 }, () => {
  it('before any roll-up, reads the per-day tables and gives the raw figures', async () => {
    await sameAsRaw(() => [])
  })

  it('rolls each closed day with events once per goal, never today; then gives the same figures from it', async () => {
    const rollup = new IssueRollup(store.client, () => [site])
    expect(await rollup.rollDue(NOW)).toBe(2 * goalsOf.length)
    expect(await rollup.rollDue(NOW)).toBe(0)
    await sameAsRaw(seededDays)
  })

  it('a late event for a rolled day: that day is read the per-day way at once, then rolled again', async () => {
    const late = D0 + 20 * HOUR
    await store.insertJson('page_views', lines([pv('late', '/cart', late, 0)]))
    await store.insertJson('signals', lines([sig('late', '/cart', 'button#pay', 'rage_click', late + 1, 'r-late')]))
    await store.insertJson('goals', lines([goal('late', late + 2, 99)]))
    await sameAsRaw((r) => seededDays(r).filter((d) => d !== iso(D0)))
    const before = await queryIssueCounts(store.client, { site: 'shop', from: D0, to: D0 + DAY }, goalsOf[1]!)
    // 20 even sessions rage at the pay button on D0, none of them reports a purchase; the late one does (99).
    expect(before.find((c) => c.selector === 'button#pay')).toMatchObject({ sessions: 21, converted: 1, value: 99 })
    // Two collectors roll the same stale day at once: the same figures, whichever roll wins.
    const [a, b] = [new IssueRollup(store.client, () => [site]), new IssueRollup(store.client, () => [site])]
    const [na, nb] = await Promise.all([a.rollDue(NOW), b.rollDue(NOW)])
    expect(na + nb).toBeGreaterThanOrEqual(goalsOf.length)
    await sameAsRaw(seededDays)
  })

  it('after a restart of the store, the roll-up is read as before', async () => {
    await store.close()
    store = createStore({ dataDir: dir })
    await migrate(store.client)
    await sameAsRaw(seededDays)
  })
})
