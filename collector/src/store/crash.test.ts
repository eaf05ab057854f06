import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { readConfig } from '../config.ts'
import { start } from '../start.ts'
import { beaconOf, eventId, postInit, signal } from '../testing/beacons.ts'

const COLLECTOR = fileURLToPath(new URL('../../', import.meta.url))
const dataDir = mkdtempSync(join(tmpdir(), 'wince-crash-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('a collector killed while spooling', () => {
  it('loses nothing it acknowledged: a restart replays the spool', async () => {
    // `node --import tsx`, not the tsx CLI: the CLI runs a second process, which a kill of the first would leave alive.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/outageServer.ts'], {
      cwd: COLLECTOR,
      env: { ...process.env, WINCE_DATA_DIR: dataDir, WINCE_ADMIN_TOKEN: 'crash-test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stderr!.on('data', (d: Buffer) => (output += d))
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        output += d
        const m = /ready (\S+)/.exec(output)
        if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'))
      })
      child.once('exit', (code) => reject(new Error(`outage server exited ${code}: ${output}`)))
    })

    const run = eventId('crash')
    const acknowledged = new Set<string>()
    const send = async () => {
      const events = Array.from({ length: 10 }, () => signal({ why: run }))
      const res = await fetch(`${url}/v1/collect`, postInit(beaconOf(events)))
      if (res.status === 202) for (const e of events) acknowledged.add(e.id)
    }
    // The first flush meets the failing store and turns the writer to the spool.
    await send()
    await new Promise((resolve) => setTimeout(resolve, 600))
    for (let i = 0; i < 39; i++) {
      const events = Array.from({ length: 10 }, () => signal({ why: run }))
      const res = await fetch(`${url}/v1/collect`, postInit(beaconOf(events)))
      if (res.status === 202) for (const e of events) acknowledged.add(e.id)
    }
    // Keep sending while the kill lands: some beacons are cut off unanswered (never acknowledged).
    const inFlight = Array.from({ length: 10 }, () => {
      const events = Array.from({ length: 10 }, () => signal({ why: run }))
      return fetch(`${url}/v1/collect`, postInit(beaconOf(events)))
        .then((res) => {
          if (res.status === 202) for (const e of events) acknowledged.add(e.id)
        })
        .catch(() => {})
    })
    child.kill('SIGKILL')
    await Promise.all(inFlight)
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
    )
    expect(readdirSync(join(dataDir, 'spool')).length).toBeGreaterThan(0)

    // The restart: the same data dir, the store back (detached tables return on restart).
    const running = await start({ ...readConfig({}), host: '127.0.0.1', port: 0, dataDir, adminToken: 'crash-test' })
    try {
      for (let i = 0; i < 100 && readdirSync(join(dataDir, 'spool')).some((f) => f.startsWith('segment-')); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const [row] = (await (
        await running.client.query({
          query: 'SELECT count() AS raw, uniqExact(id) AS ids FROM signals WHERE why = {run:String}',
          query_params: { run },
          format: 'JSONEachRow',
        })
      ).json()) as Array<{ raw: string; ids: string }>
      expect(acknowledged.size).toBeGreaterThanOrEqual(400)
      // Every acknowledged event is there once; an unanswered one may be there too (it was synced before the kill).
      expect(Number(row!.raw)).toBe(Number(row!.ids))
      expect(Number(row!.ids)).toBeGreaterThanOrEqual(acknowledged.size)
      const ids = (
        (await (
          await running.client.query({
            query: 'SELECT id FROM signals WHERE why = {run:String}',
            query_params: { run },
            format: 'JSONEachRow',
          })
        ).json()) as Array<{ id: string }>
      ).map((r) => r.id)
      const stored = new Set(ids)
      expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([])
    } finally {
      await running.close()
    }
  }, 60_000)
})
