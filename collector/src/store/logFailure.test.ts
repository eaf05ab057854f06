import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../testing/testApp.ts'
import { beaconOf, eventId, postInit, signal } from '../testing/beacons.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
})
afterAll(async () => {
  await t?.close()
})

const storedIds = async (run: string) =>
  (
    (await (
      await t.store.client.query({
        query: 'SELECT id FROM signals WHERE why = {run:String}',
        query_params: { run },
        format: 'JSONEachRow',
      })
    ).json()) as Array<{ id: string }>
  )
    .map((r) => r.id)
    .sort()

// A real file-system error, not a stub: the log's folder is replaced by a plain file, so
// opening the next segment fails (ENOTDIR), as EMFILE or EACCES would. Root ignores
// permissions, so a read-only folder would not fail here.
describe('the write-ahead log failing', () => {
  it('answers 503 with Retry-After, keeps running, and takes beacons again once the disk is back', async () => {
    const run = eventId('logfail')
    const dir = join(t.dataDir, 'spool')
    const ok = await t.app.request('/v1/collect', postInit(beaconOf([signal({ why: run })])))
    expect(ok.status).toBe(202)
    await t.writer.flush()

    renameSync(dir, `${dir}.away`)
    writeFileSync(dir, 'not a folder')
    const refusedEvents = [signal({ why: run }), signal({ why: run })]
    const refused = await t.app.request('/v1/collect', postInit(beaconOf(refusedEvents)))
    expect(refused.status).toBe(503)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { error: string }).error).toMatch(/could not be written to disk/)
    // Flushes and health keep working while the log cannot be written.
    await t.writer.flush()
    expect((await t.app.request('/healthz')).status).toBe(200)

    rmSync(dir)
    renameSync(`${dir}.away`, dir)
    // The same beacon, retried as the snippet does: its ids were not taken as seen.
    const retried = await t.app.request('/v1/collect', postInit(beaconOf(refusedEvents)))
    expect(retried.status).toBe(202)
    await t.writer.flush()
    expect(await storedIds(run)).toHaveLength(3)
    expect(new Set(await storedIds(run)).size).toBe(3)
    expect((await t.app.request('/readyz')).status).toBe(200)
  })
})
