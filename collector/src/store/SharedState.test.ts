import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisBroker, type Broker } from '../broker/Broker.ts'
import { startRedis, type RunningRedis } from '../testing/redisServer.ts'
import { createStore, type Store } from './createStore.ts'
import { migrate } from './migrate.ts'
import { SharedState } from './SharedState.ts'
import { Sites } from '../sites/Sites.ts'
import { Tokens } from '../auth/Tokens.ts'
import { loadSharedAdminToken } from '../auth/adminToken.ts'

// Two collectors' shared records over one store and one Redis: each has its own SharedState and broker, as two processes would.
let dir: string
let store: Store
let redis: RunningRedis
let brokers: Broker[]
let a: SharedState
let b: SharedState

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wince-state-'))
  store = createStore({ dataDir: dir })
  await migrate(store.client)
  redis = await startRedis()
  brokers = [await redisBroker(redis.url), await redisBroker(redis.url)]
  a = new SharedState(store.client).link(brokers[0]!)
  b = new SharedState(store.client).link(brokers[1]!)
})

afterAll(async () => {
  a?.close()
  b?.close()
  for (const broker of brokers ?? []) await broker.close()
  await redis?.stop()
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Waits for another collector to hear of a change (pushed through Redis; a loaded machine may take a moment). */
async function until(check: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 5_000
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  return check()
}

describe('state shared by collectors on one ClickHouse server', () => {
  it('a site added, changed or removed through one collector is seen by the other, with nothing in the data dir', async () => {
    const seed = join(dir, 'sites.json')
    writeFileSync(seed, JSON.stringify({ sites: [{ id: 'old', origins: ['https://old.example'] }] }))
    const onA = await Sites.fromState(a, seed)
    const onB = await Sites.fromState(b)
    // The file of before is taken in once, then the store is the truth.
    expect(onB.get('old')?.origins).toEqual(['https://old.example'])
    await onA.put({ id: 'shop', origins: ['https://shop.example'] })
    expect(await until(() => onB.get('shop') !== undefined)).toBe(true)
    await onB.put({ id: 'shop', origins: ['https://shop.example', 'https://www.shop.example'] })
    expect(await until(() => onA.get('shop')?.origins.length === 2)).toBe(true)
    expect(await onA.remove('shop')).toBe(true)
    expect(await until(() => onB.get('shop') === undefined)).toBe(true)
    // A collector started later reads the same.
    const third = await Sites.fromState(new SharedState(store.client))
    expect(
      third
        .list()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['demo', 'old'])
  })

  it('a token made on one collector signs in on the other; revoked, on neither', async () => {
    const onA = await Tokens.fromState('admin-secret', a)
    const onB = await Tokens.fromState('admin-secret', b)
    const made = await onA.create('agent', 'Maria', Date.now(), { displayName: 'Maria' })
    expect(await until(() => onB.verify(made.token)?.id === made.id)).toBe(true)
    expect(onB.lookOf(made.id)).toEqual({ displayName: 'Maria', color: undefined })
    await onB.endedSessions.end(`${Date.now()}.${made.id}.sig123`)
    expect(await until(() => onA.endedSessions.has(`1.x.sig123`))).toBe(true)
    expect(await onB.revoke(made.id)).toBe(true)
    expect(await until(() => onA.verify(made.token) === undefined)).toBe(true)
    expect(onA.has(made.id)).toBe(false)
  })

  it('collectors starting together agree on one generated admin token', async () => {
    const tokens = await Promise.all([
      loadSharedAdminToken(a),
      loadSharedAdminToken(b),
      loadSharedAdminToken(new SharedState(store.client)),
    ])
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1)
    expect(tokens.filter((t) => t.generated).length).toBeLessThanOrEqual(1)
    expect((await loadSharedAdminToken(a)).token).toBe(tokens[0]!.token)
    expect((await loadSharedAdminToken(a, 'from-env')).token).toBe('from-env')
  })
})
