import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore, type Store } from '../store/createStore.ts'
import { migrate } from '../store/migrate.ts'
import { queryIssueCounts, wholeDays, wholeHours } from './queryIssueCounts.ts'
import { queryIssueCountsRaw } from './queryIssueCountsRaw.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'
import { seedIssueEvents } from '../testing/issueSeed.ts'

// The summary-backed query must give the raw query's figures exactly, for ranges of whole
// days, ranges that cut days and hours in the middle, sessions that span hours, re-sent
// signals and URL goals alike. No session here spans midnight (see queryIssueCounts.ts).
const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Midnight UTC two days ago: the sessions below fall on that day and the next. */
const D0 = Math.floor(Date.now() / DAY) * DAY - 2 * DAY
const H0 = D0 + 8 * HOUR
let dir: string
let store: Store

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wince-issue-counts-'))
  store = createStore({ dataDir: dir })
  await migrate(store.client)
  await seedIssueEvents(store, D0)
})
afterAll(async () => {
  await store?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const goalsOf: GoalMatch[] = [
  { goal: '', patterns: ['^/thanks.*$'] },
  { goal: 'purchase', patterns: [] },
]
const ranges = [
  { what: 'whole hours only', from: H0, to: H0 + 5 * HOUR },
  { what: 'cut inside hours at both ends', from: H0 + 20 * 60_000, to: H0 + 3 * HOUR + 7 * 60_000 },
  { what: 'inside one hour', from: H0 + HOUR + 60_000, to: H0 + 2 * HOUR - 30_000 },
  { what: 'whole days only', from: D0 - DAY, to: D0 + 2 * DAY },
  {
    what: 'a whole day, hours and minutes either side',
    from: D0 - 4 * HOUR + 5 * 60_000,
    to: D0 + DAY + 2 * HOUR + 30 * 60_000,
  },
  {
    what: 'across one midnight, no whole day',
    from: H0 + 2 * HOUR + 7 * 60_000,
    to: D0 + DAY + 2 * HOUR + 25 * 60_000,
  },
  // Session s0 rages at 08:59:01 and 08:59:02: the range starts between its two signals.
  {
    what: 'across midnight, from between two signals of one session',
    from: H0 + HOUR - 58_500,
    to: D0 + DAY + 2 * HOUR + 25 * 60_000,
  },
  { what: 'hours and minutes of one day, then a whole day', from: H0 + 2 * HOUR + 20 * 60_000, to: D0 + 2 * DAY },
]

describe('queryIssueCounts (per-session summary)', () => {
  for (const r of ranges) {
    for (const g of goalsOf) {
      it(`gives the raw query's figures: ${r.what}, goal ${g.goal || 'any'}`, async () => {
        const range = { site: 'shop', from: r.from, to: r.to }
        const [fast, raw] = await Promise.all([
          queryIssueCounts(store.client, range, g),
          queryIssueCountsRaw(store.client, range, g),
        ])
        expect(raw.length).toBeGreaterThan(0)
        expect(fast).toEqual(raw)
      })
    }
  }

  it('counts a re-sent signal once and the page of every session', async () => {
    const counts = await queryIssueCounts(store.client, { site: 'shop', from: H0, to: H0 + 5 * HOUR }, goalsOf[0]!)
    const rage = counts.find((c) => c.selector === 'button#pay')
    // 20 even sessions rage twice each; all 40 view /cart; every third converts through /thanks, and ten others report a goal.
    expect(rage).toMatchObject({
      path: '/cart',
      sessions: 20,
      signals: 40,
      converted: 7,
      pageSessions: 40,
      pageConverted: 21,
    })
  })

  it('reads whole hours from the summary, the rest raw', () => {
    expect(wholeHours({ site: 's', from: H0 + 1, to: H0 + 2 * HOUR + 5 })).toEqual({
      hourFrom: H0 / 1000 + 3600,
      hourTo: H0 / 1000 + 7200,
    })
    const inside = wholeHours({ site: 's', from: H0 + 1, to: H0 + 5 })
    expect(inside.hourFrom).toBeGreaterThan(inside.hourTo)
    expect(wholeDays({ site: 's', from: D0 - 1, to: D0 + 2 * DAY + 5 })).toEqual({
      dayFrom: D0 / 1000,
      dayTo: D0 / 1000 + 2 * 86_400,
    })
    const hours = wholeDays({ site: 's', from: H0, to: H0 + 5 * HOUR })
    expect(hours.dayFrom).toBeGreaterThan(hours.dayTo)
  })
})
