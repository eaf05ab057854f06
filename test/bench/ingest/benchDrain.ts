import autocannon from 'autocannon'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnBuiltCollector } from '../../lib/spawnBuiltCollector.ts'
import { beaconMaker } from './beacons.ts'

const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

export interface DrainResult {
  /** SIGTERM to exit, ms. */
  stopMs: number
  exitCode: number | string
  /** What the collector said about its stop. */
  log: string[]
}

/**
 * SIGTERM under load: the built collector (`node collector/dist/server.js`, as a
 * service runs it) takes beacons over `connections` keep-alive connections for
 * `loadSeconds`, then gets SIGTERM while the load goes on; the time to its exit is the figure.
 */
export async function benchDrain(loadSeconds = 5, connections = 32): Promise<DrainResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wince-bench-drain-'))
  writeFileSync(
    join(dataDir, 'sites.json'),
    JSON.stringify({
      sites: [{ id: 'demo', origins: ['http://localhost:*'], allowHeadless: true, rate: { rate: 1e6, burst: 1e7 } }],
    }),
  )
  const collector = await spawnBuiltCollector({
    WINCE_DATA_DIR: dataDir,
    WINCE_ADMIN_TOKEN: 'bench-drain',
    WINCE_IP_RATE: '1000000000/1000000000',
  })
  try {
    const origin = `http://localhost:${new URL(collector.url).port}`
    const next = beaconMaker(origin, `drain${Date.now().toString(36)}`)
    let finished!: () => void
    const done = new Promise<void>((resolve) => (finished = resolve))
    const instance = autocannon(
      {
        url: `${collector.url}/v1/collect`,
        connections,
        duration: loadSeconds + 15,
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin, 'user-agent': USER_AGENT },
        requests: [{ setupRequest: (req) => ({ ...req, body: next() }) }],
      },
      () => finished(),
    )
    await new Promise((resolve) => setTimeout(resolve, loadSeconds * 1000))
    const began = performance.now()
    collector.child.kill('SIGTERM')
    const exitCode = await collector.exited
    const stopMs = performance.now() - began
    instance.stop()
    await done
    return {
      stopMs,
      exitCode,
      log: collector
        .output()
        .split('\n')
        .filter((l) => l.startsWith('wince:')),
    }
  } finally {
    if (collector.child.exitCode === null && collector.child.signalCode === null) collector.child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
}
