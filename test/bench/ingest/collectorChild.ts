import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readConfig } from '@wince/collector/config'
import { start } from '@wince/collector/start'
import { rssSampler, send, threadCpu, type ChildRequest } from './childProtocol.ts'

// The real collector, alone in its process (as `pnpm start` runs it), with the limits
// that protect a real deployment from one address or one site lifted: the load comes
// from one loopback address at many times a site's normal rate.
const dataDir = mkdtempSync(join(tmpdir(), 'wince-bench-'))
writeFileSync(
  join(dataDir, 'sites.json'),
  JSON.stringify({
    sites: [{ id: 'demo', origins: ['http://localhost:*'], allowHeadless: true, rate: { rate: 1e6, burst: 1e7 } }],
  }),
)
const config = {
  ...readConfig({}),
  port: 0,
  host: '127.0.0.1',
  dataDir,
  adminToken: 'bench-admin-token',
  ipRate: { rate: 1e9, burst: 1e9 },
}
const running = await start(config)
const rss = rssSampler()
let inspector: Session | undefined

async function count(table: string): Promise<number> {
  const rows = await (
    await running.client.query({ query: `SELECT count() AS n FROM ${table}`, format: 'JSONEachRow' })
  ).json<{ n: string }>()
  return Number(rows[0]?.n ?? 0)
}

process.on('message', async (m: ChildRequest) => {
  if (m.kind === 'window') rss.reset()
  if (m.kind === 'window' || m.kind === 'rss') send({ kind: 'rss', ...rss.read() })
  else if (m.kind === 'count') {
    const peak = rss.read()
    await running.writer.flush()
    send({
      kind: 'counted',
      signals: await count('signals'),
      pageViews: await count('page_views'),
      ...peak,
      threads: threadCpu(),
    })
  } else if (m.kind === 'profile-start') {
    // Only the measured window: start-up (module loading) and shutdown stay out of the profile.
    inspector = new Session()
    inspector.connect()
    await inspector.post('Profiler.enable')
    await inspector.post('Profiler.setSamplingInterval', { interval: 200 })
    await inspector.post('Profiler.start')
    send({ kind: 'profiled' })
  } else if (m.kind === 'profile-stop') {
    const { profile } = await inspector!.post('Profiler.stop')
    inspector!.disconnect()
    writeFileSync(m.file, JSON.stringify(profile))
    send({ kind: 'profiled' })
  } else if (m.kind === 'stop') {
    rss.stop()
    await running.close()
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  }
})
send({ kind: 'ready', url: running.url })
