import type { Store } from '../store/createStore.ts'

// Sessions on a shop's pages for the issue-count tests: 40 sessions through four hours of
// one day (08:00–13:00 UTC), every fifth crossing into the next hour, raging at the cart's
// pay button, some dead-clicking a size link, some converting by URL (/thanks…) or by a
// reported goal; six more the next day between 02:00 and 03:00 with a trailing-slash URL.
// No session spans midnight.
const HOUR = 3_600_000
const DAY = 24 * HOUR
const O = 'https://shop.test'

/** A page view of `session` on `path` at `ts`, its `n`-th. */
export const pv = (session: string, path: string, ts: number, n: number) => ({
  site: 'shop',
  ts,
  id: `pv-${session}-${n}`,
  session,
  page_view: `${session}-${n}`,
  url: O + path,
  ref: '',
  vw: 1280,
  vh: 800,
})
/** A signal of `type` on `sel` of `path`, with its id. */
export const sig = (session: string, path: string, sel: string, type: string, ts: number, id: string) => ({
  site: 'shop',
  ts,
  id,
  session,
  page_view: `${session}-0`,
  url: O + path,
  type,
  selector: sel,
  label: sel,
  x: 1,
  y: 1,
  n: 3,
  ms: 0,
  why: '',
})
/** A `purchase` goal of `session` worth `value`. */
export const goal = (session: string, ts: number, value: number) => ({
  site: 'shop',
  ts,
  id: `g-${session}-${ts}`,
  session,
  page_view: `${session}-0`,
  url: O + '/cart',
  name: 'purchase',
  value,
})
/** Rows as the store's JSON insert takes them. */
export const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n')

/** Stores the sessions described above, from `d0` (a UTC midnight) on. */
export async function seedIssueEvents(store: Store, d0: number): Promise<void> {
  const H0 = d0 + 8 * HOUR
  const views = []
  const signals = []
  const goals = []
  for (let i = 0; i < 40; i++) {
    const s = `s${i}`
    // Sessions start through four hours; every fifth one crosses into the next hour.
    const start = H0 + (i % 4) * HOUR + (i % 5 === 0 ? HOUR - 60_000 : i * 37_000)
    views.push(pv(s, '/cart/', start, 0), pv(s, i % 3 ? '/product' : '/', start + 90_000, 1))
    if (i % 2 === 0)
      signals.push(
        sig(s, '/cart', 'button#pay', 'rage_click', start + 1000, `r-${s}`),
        sig(s, '/cart', 'button#pay', 'rage_click', start + 2000, `r2-${s}`),
      )
    if (i % 7 === 0) signals.push(sig(s, '/product', 'a#size', 'dead_click', start + 95_000, `d-${s}`))
    if (i % 3 === 0) views.push(pv(s, '/thanks/order', start + 120_000, 2))
    if (i % 4 === 1) goals.push(goal(s, start + 130_000, 10 + i))
  }
  // The next day, six more sessions between 02:00 and 03:00: whole days and edges meet.
  for (let j = 0; j < 6; j++) {
    const s = `t${j}`
    const start = d0 + DAY + 2 * HOUR + j * 10 * 60_000
    views.push(pv(s, '/cart', start, 0))
    signals.push(sig(s, '/cart/', 'button#pay', 'rage_click', start + 1000, `r-${s}`))
    if (j % 2) views.push(pv(s, '/thanks', start + 60_000, 1))
  }
  // A signal sent twice (a retry the door did not catch): counted once, as signals FINAL does.
  signals.push(signals[0]!)
  await store.insertJson('page_views', lines(views))
  await store.insertJson('signals', lines(signals.slice(0, 10)))
  await store.insertJson('signals', lines(signals.slice(10)))
  await store.insertJson('goals', lines(goals))
}
