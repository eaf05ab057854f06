// Fills an embedded store with generated clicks (10 million by default) and
// times the heatmap and overview queries warm: median and p95 of several runs.
// Usage: tsx bench/heatmapQuery.ts [clicks]   Prints one JSON line last.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore } from '../src/store/createStore.ts'
import { migrate } from '../src/store/migrate.ts'
import { queryClickCells } from '../src/queries/queryClickCells.ts'
import { querySignalSpots } from '../src/queries/querySignalSpots.ts'
import { queryScrollBands } from '../src/queries/queryScrollBands.ts'
import { queryFrictionPages } from '../src/queries/queryFrictionPages.ts'
import { queryFrictionElements } from '../src/queries/queryFrictionElements.ts'
import { queryTrend } from '../src/queries/queryTrend.ts'
import { queryStrugglingShare } from '../src/queries/queryStrugglingShare.ts'
import { listIssues } from '../src/issues/listIssues.ts'
import { querySessionList } from '../src/queries/querySessionList.ts'
import { goalMatch } from '../src/issues/goalPatterns.ts'
import { WEIGHTS } from '@wince/snippet/weights'

const CLICKS = Number(process.argv[2] ?? 10_000_000)
const RUNS = 15
const DAYS = 30
const PAGES = 50
const dir = mkdtempSync(join(tmpdir(), 'wince-bench-heatmap-'))
const store = createStore({ dataDir: dir })
const { client } = store
const now = Date.now()
const from = now - DAYS * 86_400_000

try {
  await migrate(client)
  const fillStart = performance.now()
  // Generated inside ClickHouse: 50 pages, 200 elements each, 30 days, the
  // busiest page taking a fifth of the clicks, three viewport classes.
  await client.command({
    query: `INSERT INTO clicks (site, ts, id, session, page_view, url, vc, selector, x, y, dw, dh, gfx, gfy)
      SELECT 'demo',
        fromUnixTimestamp64Milli(toInt64({from:Int64} + (number * 7919) % ({days:UInt32} * 86400000))),
        concat('c', toString(number)),
        concat('s', toString(number % 200000)),
        concat('p', toString(number % 1000000)),
        concat('http://localhost:8080/page/', toString(if(number % 5 = 0, 0, number % {pages:UInt32}))),
        ['desktop', 'desktop', 'mobile', 'tablet'][number % 4 + 1],
        concat('button.el-', toString((number * 31) % 200)),
        (number * 13) % 1280, (number * 17) % 4000, 1280, 4000,
        (number * 7) % 10, (number * 11) % 10
      FROM numbers({n:UInt64})`,
    query_params: { from, days: DAYS, pages: PAGES, n: CLICKS },
    clickhouse_settings: { max_insert_threads: '2' },
  })
  const signalRows = Math.round(CLICKS / 10)
  await client.command({
    query: `INSERT INTO signals (site, ts, id, session, page_view, url, type, selector, label, x, y, n, ms, why)
      SELECT 'demo', fromUnixTimestamp64Milli(toInt64({from:Int64} + (number * 7919) % ({days:UInt32} * 86400000))),
        concat('g', toString(number)), concat('s', toString(number % 200000)), concat('p', toString(number % 1000000)),
        concat('http://localhost:8080/page/', toString(if(number % 5 = 0, 0, number % {pages:UInt32}))),
        ['rage_click', 'dead_click', 'error_click', 'mouse_thrash'][number % 4 + 1],
        concat('button.el-', toString((number * 31) % 200)), 'button', 10, 10, 3, 1000, ''
      FROM numbers({n:UInt64})`,
    query_params: { from, days: DAYS, pages: PAGES, n: signalRows },
  })
  await client.command({
    query: `INSERT INTO page_views (site, ts, id, session, page_view, url, ref, vw, vh)
      SELECT 'demo', fromUnixTimestamp64Milli(toInt64({from:Int64} + (number * 7919) % ({days:UInt32} * 86400000))),
        concat('v', toString(number)), concat('s', toString(number % 200000)), concat('p', toString(number)),
        concat('http://localhost:8080/page/', toString(if(number % 5 = 0, 0, number % {pages:UInt32}))), '', [1280, 1280, 390, 800][number % 4 + 1], 800
      FROM numbers({n:UInt64})`,
    query_params: { from, days: DAYS, pages: PAGES, n: 1_000_000 },
  })
  // Conversions: one session in eight reports a goal with a value; URL goals match /page/7.
  await client.command({
    query: `INSERT INTO goals (site, ts, id, session, page_view, url, name, value)
      SELECT 'demo', fromUnixTimestamp64Milli(toInt64({from:Int64} + (number * 7919) % ({days:UInt32} * 86400000))),
        concat('o', toString(number)), concat('s', toString(number * 8)), concat('p', toString(number)),
        'http://localhost:8080/thanks', 'purchase', 40
      FROM numbers(25000)`,
    query_params: { from, days: DAYS },
  })
  await client.command({ query: 'OPTIMIZE TABLE click_cells FINAL' })
  const fillMs = performance.now() - fillStart
  const cells = Number(
    (
      (await (
        await client.query({ query: 'SELECT count() AS c FROM click_cells', format: 'JSONEachRow' })
      ).json()) as Array<{ c: string }>
    )[0]!.c,
  )

  const f = { site: 'demo', from, to: now + 1, url: 'http://localhost:8080/page/0', vc: 'desktop' }
  const range = { site: 'demo', from, to: now + 1 }
  const site = { id: 'demo', origins: [], goals: [{ name: 'purchase' }, { name: 'viewed', url: '/page/7' }] }
  const timed = async (name: string, run: () => Promise<unknown>) => {
    await run() // warm
    const ms: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now()
      await run()
      ms.push(performance.now() - t0)
    }
    ms.sort((a, b) => a - b)
    return {
      name,
      median: round(ms[Math.floor(RUNS / 2)]!),
      p95: round(ms[Math.min(RUNS - 1, Math.ceil(RUNS * 0.95) - 1)]!),
    }
  }
  const results = [
    await timed('heatmap clicks (busiest page, 30 days)', () => queryClickCells(client, f)),
    await timed('heatmap dead-click layer', () => querySignalSpots(client, f, 'dead_click')),
    await timed('scroll depth', () => queryScrollBands(client, f)),
    await timed('friction pages', () => queryFrictionPages(client, range)),
    await timed('friction elements', () => queryFrictionElements(client, range)),
    await timed('trend', () => queryTrend(client, range)),
    await timed('struggling share', () => queryStrugglingShare(client, range)),
    await timed('issues with impact (/api/issues)', () => listIssues(client, site, range)),
    await timed('sessions to watch (/api/sessions)', () => querySessionList(client, range, goalMatch(site), WEIGHTS)),
  ]
  for (const r of results)
    console.log(`${r.name.padEnd(40)} median ${String(r.median).padStart(7)} ms   p95 ${String(r.p95).padStart(7)} ms`)
  console.log(
    JSON.stringify({
      clicks: CLICKS,
      busiestPageClicks: CLICKS / 5,
      cells,
      fillSeconds: round(fillMs / 1000),
      runs: RUNS,
      results,
    }),
  )
} finally {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
