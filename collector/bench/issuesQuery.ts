// Fills an embedded store with 10 million generated events (page views, signals, clicks
// and goals of 30 days) and times `/api/issues` with impact warm: median and p95.
// Usage: tsx bench/issuesQuery.ts [events] [--raw] [--store=DIR]   Prints one JSON line last.
// `--raw` also times the counts over the raw events (the path a segment takes), for comparison.
// `--store=DIR` keeps the filled store in DIR and reuses it when run again (the fill takes
// minutes): the data keep their days, the range still ends now.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore } from '../src/store/createStore.ts'
import { migrate } from '../src/store/migrate.ts'
import { listIssues } from '../src/issues/listIssues.ts'
import { goalMatch } from '../src/issues/goalPatterns.ts'
import { queryIssueCountsRaw } from '../src/queries/queryIssueCountsRaw.ts'
import { IssueRollup } from '../src/issues/IssueRollup.ts'

const args = process.argv.slice(2)
const EVENTS = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000_000)
const RAW = args.includes('--raw')
const RUNS = 15
/** The issues view's budget, warm (DESIGN.md). */
const BUDGET_MS = 300
const DAYS = 30
const PAGES = 50
// A mix as a shop's week looks: ten page views per session, a click per two page views
// and more, a signal per three page views, one session in eight converting.
const SESSIONS = Math.round(EVENTS / 30)
const VIEWS = SESSIONS * 10
const SIGNALS = Math.round(VIEWS / 3)
const GOALS = Math.round(SESSIONS / 8)
const CLICKS = EVENTS - VIEWS - SIGNALS - GOALS
const KEEP = args.find((a) => a.startsWith('--store='))?.slice('--store='.length)
if (KEEP) mkdirSync(KEEP, { recursive: true })
const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'wince-bench-issues-'))
/** What a kept store was filled with: reused only for the same number of events. */
const FILLED = join(dir, 'bench-fill.json')
const kept: { events: number; from: number } | undefined = existsSync(FILLED)
  ? JSON.parse(readFileSync(FILLED, 'utf8'))
  : undefined
const reuse = kept?.events === EVENTS
const store = createStore({ dataDir: dir })
const { client } = store
const now = Date.now()
const from = reuse && kept ? kept.from : now - DAYS * 86_400_000
// A session's start: spread over the 30 days; its k-th event 20 s after the one before.
const start = `({from:Int64} + (sid * 2654435761) % ({days:UInt32} * 86400000 - 600000))`
const page = `concat('https://shop.example/page/', toString(if(number % 5 = 0, 0, (number * 7) % {pages:UInt32})), if(number % 11 = 0, '/', ''))`
const params = { from, days: DAYS, pages: PAGES, sessions: SESSIONS }

try {
  await migrate(client)
  if (kept && !reuse) throw new Error(`${dir} holds ${kept.events} events, not ${EVENTS}: give another --store`)
  const fillStart = performance.now()
  const insert = (table: string, columns: string, select: string, n: number) =>
    client.command({
      query: `INSERT INTO ${table} (${columns}) SELECT ${select} FROM (SELECT number, number % {sessions:UInt64} AS sid, intDiv(number, {sessions:UInt64}) AS k FROM numbers({n:UInt64}))`,
      query_params: { ...params, n },
      clickhouse_settings: { max_insert_threads: '2' },
    })
  if (!reuse) {
    await insert(
      'page_views',
      'site, ts, id, session, page_view, url, ref, vw, vh',
      `'demo', fromUnixTimestamp64Milli(toInt64(${start} + k * 20000)), concat('v', toString(number)), concat('s', toString(sid)), concat('p', toString(number)), ${page}, '', 1280, 800`,
      VIEWS,
    )
    await insert(
      'signals',
      'site, ts, id, session, page_view, url, type, selector, label, x, y, n, ms, why',
      `'demo', fromUnixTimestamp64Milli(toInt64(${start} + k * 20000 + 5000)), concat('g', toString(number)), concat('s', toString(sid)), concat('p', toString(number)), ${page},
       ['rage_click', 'dead_click', 'error_click', 'mouse_thrash'][number % 4 + 1], concat('button.el-', toString((number * 31) % 40)), 'Add to cart', 10, 10, 3, 1000, ''`,
      SIGNALS,
    )
    await insert(
      'clicks',
      'site, ts, id, session, page_view, url, vc, selector, x, y, dw, dh, gfx, gfy',
      `'demo', fromUnixTimestamp64Milli(toInt64(${start} + k * 10000)), concat('c', toString(number)), concat('s', toString(sid)), concat('p', toString(number)), ${page},
       'desktop', concat('button.el-', toString((number * 31) % 200)), (number * 13) % 1280, (number * 17) % 4000, 1280, 4000, (number * 7) % 10, (number * 11) % 10`,
      CLICKS,
    )
    await insert(
      'goals',
      'site, ts, id, session, page_view, url, name, value',
      `'demo', fromUnixTimestamp64Milli(toInt64(${start} + 590000)), concat('o', toString(number)), concat('s', toString(sid * 8)), concat('p', toString(number)), 'https://shop.example/thanks', 'purchase', 40`,
      GOALS,
    )
    writeFileSync(FILLED, JSON.stringify({ events: EVENTS, from }))
  }
  const fillMs = performance.now() - fillStart
  const rows = async (table: string) =>
    Number(
      (
        (await (
          await client.query({ query: `SELECT count() AS c FROM ${table}`, format: 'JSONEachRow' })
        ).json()) as Array<{ c: string }>
      )[0]!.c,
    )
  const summaryRows = {
    pages: await rows('session_pages'),
    hits: await rows('session_hits'),
    pageDays: await rows('page_day_sessions'),
    issueDays: await rows('issue_day_sessions'),
    sessionDays: await rows('session_days'),
  }

  const range = { site: 'demo', from, to: now + 1 }
  const site = { id: 'demo', origins: [], goals: [{ name: 'purchase' }, { name: 'viewed', url: '/page/7' }] }
  const timed = async (name: string, run: () => Promise<unknown>, runs = RUNS) => {
    await run() // warm
    const ms: number[] = []
    // chDB runs in this process: its CPU time per query, a figure a busy machine inflates less than wall time.
    const cpu: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      const c0 = process.cpuUsage()
      await run()
      ms.push(performance.now() - t0)
      const c = process.cpuUsage(c0)
      cpu.push((c.user + c.system) / 1000)
    }
    ms.sort((a, b) => a - b)
    cpu.sort((a, b) => a - b)
    return {
      name,
      median: round(ms[Math.floor(runs / 2)]!),
      p95: round(ms[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]!),
      cpuMedian: round(cpu[Math.floor(runs / 2)]!),
    }
  }
  // A store's past days are merged in the background; after a bulk fill they are not yet.
  const mergeStart = performance.now()
  for (const table of ['page_day_sessions', 'issue_day_sessions', 'session_days', 'page_day_spans'])
    await client.command({ query: `OPTIMIZE TABLE ${table} FINAL` })
  const mergeMs = performance.now() - mergeStart
  await client.command({ query: 'TRUNCATE TABLE issue_day_totals' })
  const results = [await timed('issues, per-day tables, no roll-up', () => listIssues(client, site, range), 5)]
  // The collector's roll-up of closed days, as its periodic pass does it.
  const rollStart = performance.now()
  const rolledDays = await new IssueRollup(client, () => [site]).rollDue()
  const rollMs = performance.now() - rollStart
  const issues = await listIssues(client, site, range)
  results.unshift(await timed('issues with impact (/api/issues), 30 days', () => listIssues(client, site, range)))
  if (RAW)
    results.push(
      await timed('the same counts over the raw events', () => queryIssueCountsRaw(client, range, goalMatch(site)), 3),
    )
  for (const r of results)
    console.log(
      `${r.name.padEnd(44)} median ${String(r.median).padStart(8)} ms   p95 ${String(r.p95).padStart(8)} ms   CPU ${String(r.cpuMedian).padStart(8)} ms`,
    )
  const met = results[0]!.median <= BUDGET_MS
  console.log(
    `budget ≤ ${BUDGET_MS} ms warm: ${met ? 'met' : 'MISSED'}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  console.log(
    JSON.stringify({
      events: EVENTS,
      pageViews: VIEWS,
      signals: SIGNALS,
      clicks: CLICKS,
      goals: GOALS,
      sessions: SESSIONS,
      summaryRows,
      issues: issues.length,
      withImpact: issues.filter((i) => i.impact).length,
      fillSeconds: round(fillMs / 1000),
      mergeSeconds: round(mergeMs / 1000),
      rolls: rolledDays,
      rollSeconds: round(rollMs / 1000),
      reusedStore: reuse,
      runs: RUNS,
      results,
      loadavg: loadavg(),
    }),
  )
} finally {
  await store.close()
  if (!KEEP) rmSync(dir, { recursive: true, force: true })
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
