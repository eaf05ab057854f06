import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChdbHttp, type ChdbHttp } from '../lib/startChdbHttp.ts'

/** Event ids of the longest kind the id rule allows (64 characters). */
const ids = (n: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(8, '0')}-${'x'.repeat(55)}`)

// The multi-process tests stand a chDB process behind ClickHouse's HTTP interface in for a
// server: it must take what a server takes. A collector replaying its log after a kill checks
// up to 5,000 event ids in one query parameter, which travels in the URL (ClickHouse allows
// 1 MiB); a 431 from the stand-in would look like a store that never comes back.
describe('chDB HTTP test store', () => {
  let store: ChdbHttp
  beforeAll(async () => {
    store = await startChdbHttp()
  })
  afterAll(async () => {
    await store?.stop()
  })

  it('answers a query whose parameter carries 5,000 of the longest event ids', async () => {
    const params = new URLSearchParams({
      query: 'SELECT length({ids:Array(String)}) AS n FORMAT JSONEachRow',
      param_ids: `[${ids(5_000)
        .map((id) => `'${id}'`)
        .join(',')}]`,
    })
    expect(params.toString().length).toBeGreaterThan(300_000)
    const res = await fetch(`${store.url}/?${params}`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect(JSON.parse(await res.text())).toEqual({ n: 5_000 })
  })
})
