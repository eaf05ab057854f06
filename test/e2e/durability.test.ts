import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readConfig } from '@wince/collector/config'
import { start } from '@wince/collector/start'
import { beaconLoad } from '../lib/beaconLoad.ts'
import { spawnBuiltCollector, type BuiltCollector } from '../lib/spawnBuiltCollector.ts'

/** Kills of the server process in the crash test. */
const KILLS = 3
/** Events acknowledged in a round before its kill may land. */
const MIN_ACKED_PER_ROUND = 200
/** A stop must end within this, ms, even under load (what systemd's default TimeoutStopSec leaves, with margin). */
const STOP_BUDGET_MS = 10_000
const TOKEN = 'durability-admin-token'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function collectorEnv() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wince-durability-'))
  dirs.push(dataDir)
  // One loopback address sends the whole load: lift the per-IP limit that protects a real deployment.
  return { dataDir, env: { WINCE_DATA_DIR: dataDir, WINCE_ADMIN_TOKEN: TOKEN, WINCE_IP_RATE: '100000/100000' } }
}

/** How many times each event id of `run` is stored, read from the store the collector left (its log replayed first). */
async function storedCounts(dataDir: string, run: string): Promise<Map<string, number>> {
  const running = await start({ ...readConfig({}), host: '127.0.0.1', port: 0, dataDir, adminToken: TOKEN })
  try {
    await running.writer.flush()
    const rs = await running.client.query({
      query: 'SELECT id, count() AS c FROM signals WHERE why = {run:String} GROUP BY id',
      query_params: { run },
      format: 'JSONEachRow',
    })
    return new Map(((await rs.json()) as Array<{ id: string; c: string }>).map((r) => [r.id, Number(r.c)]))
  } finally {
    await running.close()
  }
}

describe('the built collector under steady load', () => {
  it(`stores every acknowledged event exactly once across ${KILLS} SIGKILLs at random moments`, async () => {
    const { dataDir, env } = collectorEnv()
    const run = `crash${Date.now().toString(36)}`
    let url: string | undefined
    const load = beaconLoad(() => url, run)
    const acked = load.tally.acknowledged
    const rounds: Array<{ from: number; to: number; afterMs: number; logSegments: number }> = []
    let collector: BuiltCollector
    for (let k = 0; k < KILLS; k++) {
      collector = await spawnBuiltCollector(env)
      url = collector.url
      const from = acked.size
      // Under way first (some beacons acknowledged since the start), then a random moment.
      const began = performance.now()
      while (acked.size - from < MIN_ACKED_PER_ROUND && performance.now() - began < 20_000) await sleep(20)
      await sleep(Math.random() * 2000)
      const afterMs = Math.round(performance.now() - began)
      collector.child.kill('SIGKILL')
      expect(await collector.exited).toBe('SIGKILL')
      url = undefined
      rounds.push({
        from,
        to: acked.size,
        afterMs,
        logSegments: readdirSync(join(dataDir, 'spool')).filter((f) => f.startsWith('segment-')).length,
      })
    }
    // A last start replays what the log holds; then a clean stop.
    collector = await spawnBuiltCollector(env)
    url = collector.url
    await sleep(1000)
    await load.stop()
    collector.child.kill('SIGTERM')
    expect(await collector.exited).toBe(0)

    const stored = await storedCounts(dataDir, run)
    const ackedIds = [...acked]
    const lostPerRound = rounds.map((r) => ackedIds.slice(r.from, r.to).filter((id) => !stored.has(id)).length)
    const twice = [...stored].filter(([, c]) => c > 1)
    console.log(
      `crash: ${KILLS} kills after ${rounds.map((r) => `${r.afterMs} ms`).join(', ')}; acknowledged per round ${rounds.map((r) => r.to - r.from).join(', ')} ` +
        `(log segments left at each kill: ${rounds.map((r) => r.logSegments).join(', ')}); lost per round ${lostPerRound.join(', ')}; ` +
        `stored twice ${twice.length}; unanswered ${load.tally.unanswered.size} (stored ${[...load.tally.unanswered].filter((id) => stored.has(id)).length}); refused ${JSON.stringify([...load.tally.refused])}`,
    )
    for (const r of rounds) expect(r.to - r.from).toBeGreaterThanOrEqual(MIN_ACKED_PER_ROUND)
    expect(lostPerRound).toEqual(rounds.map(() => 0))
    expect(twice).toEqual([])
    expect(ackedIds.every((id) => stored.get(id) === 1)).toBe(true)
  }, 120_000)

  it(`drains on SIGTERM within ${STOP_BUDGET_MS / 1000} s, an event stream open, everything acknowledged stored`, async () => {
    const { dataDir, env } = collectorEnv()
    const run = `term${Date.now().toString(36)}`
    const collector = await spawnBuiltCollector(env)
    let url: string | undefined = collector.url
    const load = beaconLoad(() => url, run)
    // A dashboard's live stream: it would hold the server open if the stop did not end it.
    const stream = await fetch(`${collector.url}/api/alerts/stream?site=demo`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect(stream.status).toBe(200)
    const streamEnded = stream.body!.pipeTo(new WritableStream()).then(
      () => 'ended',
      () => 'cut',
    )
    await sleep(2000)
    const began = performance.now()
    collector.child.kill('SIGTERM')
    const code = await collector.exited
    const stopMs = performance.now() - began
    url = undefined
    await load.stop()
    expect(await streamEnded).toMatch(/ended|cut/)
    const stored = await storedCounts(dataDir, run)
    const acked = [...load.tally.acknowledged]
    const lost = acked.filter((id) => stored.get(id) !== 1).length
    console.log(
      `SIGTERM under load: exited ${code} in ${Math.round(stopMs)} ms; ${acked.length} acknowledged, lost or doubled ${lost}\n${collector
        .output()
        .split('\n')
        .filter((l) => l.includes('wince:'))
        .join('\n')}`,
    )
    expect(code).toBe(0)
    expect(stopMs).toBeLessThan(STOP_BUDGET_MS)
    expect(acked.length).toBeGreaterThan(200)
    expect(lost).toBe(0)
  }, 60_000)
})
