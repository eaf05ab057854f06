import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRedis, type RunningRedis } from '@wince/collector/testing/redis'
import { spawnBuiltCollector, type BuiltCollector } from './spawnBuiltCollector.ts'
import { startChdbHttp, type ChdbHttp } from './startChdbHttp.ts'

export const CLUSTER_TOKEN = 'scale-admin-token'

export interface CollectorCluster {
  redis: RunningRedis
  store: ChdbHttp
  /** The collector processes, by index; `restart(i)` replaces one. */
  collectors: BuiltCollector[]
  /** Starts collector `i` again on its own data dir (its write-ahead log replays). */
  restart(i: number): Promise<BuiltCollector>
  /** Rows of a query on the shared store (JSONEachRow). */
  query<T>(sql: string): Promise<T[]>
  stop(): Promise<void>
}

/**
 * `n` built collector processes, each with its own data dir (its write-ahead
 * log only), sharing one store (chDB behind the HTTP fixture, as
 * `CLICKHOUSE_URL`) and one Redis (`WINCE_REDIS_URL`), all started at once.
 */
export async function startCollectorCluster(n: number, env: Record<string, string> = {}): Promise<CollectorCluster> {
  const [redis, store] = await Promise.all([startRedis(), startChdbHttp()])
  const dirs = Array.from({ length: n }, () => mkdtempSync(join(tmpdir(), 'wince-scale-')))
  const envOf = (i: number) => ({
    ...env,
    WINCE_DATA_DIR: dirs[i]!,
    CLICKHOUSE_URL: store.url,
    WINCE_REDIS_URL: redis.url,
    WINCE_ADMIN_TOKEN: CLUSTER_TOKEN,
  })
  let collectors: BuiltCollector[] = []
  const stop = async () => {
    await Promise.all(
      collectors.map(async (c) => {
        if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGTERM')
        await c.exited
      }),
    )
    await Promise.all([store.stop(), redis.stop()])
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
  try {
    collectors = await Promise.all(dirs.map((_, i) => spawnBuiltCollector(envOf(i))))
  } catch (err) {
    await stop()
    throw err
  }
  return {
    redis,
    store,
    collectors,
    async restart(i) {
      const c = await spawnBuiltCollector(envOf(i))
      collectors[i] = c
      return c
    },
    async query<T>(sql: string) {
      const res = await fetch(`${store.url}/?default_format=JSONEachRow`, { method: 'POST', body: sql })
      const text = await res.text()
      if (!res.ok) throw new Error(text)
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as T)
    },
    stop,
  }
}
