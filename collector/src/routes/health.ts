import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import type { Lifecycle } from '../serve/Lifecycle.ts'
import type { Writer } from '../store/Writer.ts'
import { queryStoreAnswers } from '../queries/queryStoreAnswers.ts'
import { errorMessage } from '../errorMessage.ts'

/** A store check is reused this long, ms: a load balancer polling every second (or a flood of probes) costs one query a second. */
export const STORE_CHECK_TTL_MS = 1_000
/** A store that has not answered `SELECT 1` in this long is not reachable, ms. */
export const STORE_CHECK_TIMEOUT_MS = 2_000
/** Room the log must still have to call the collector ready, bytes: a few seconds of peak ingest. */
export const LOG_HEADROOM_BYTES = 16 * 1024 ** 2

export interface HealthDeps {
  client: ClickHouseClient
  writer: Writer
  lifecycle?: Lifecycle | undefined
}

/**
 * `GET /healthz`: the process is alive and its event loop answers (no store query, so it
 * stays fast under any load). `GET /readyz`: it should get traffic: not stopping, the
 * store reachable and taking inserts, the write-ahead log not full. 503 with the reasons otherwise.
 */
export function healthRoutes({ client, writer, lifecycle }: HealthDeps) {
  let checked: { at: number; result: Promise<string | undefined> } | undefined
  const storeProblem = () => {
    if (!checked || Date.now() - checked.at > STORE_CHECK_TTL_MS)
      checked = { at: Date.now(), result: checkStore(client) }
    return checked.result
  }
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      const problems: string[] = []
      if (lifecycle?.stopping) problems.push('stopping')
      if (!writer.hasRoom(LOG_HEADROOM_BYTES)) problems.push('write-ahead log full')
      if (writer.degraded) problems.push('store inserts failing (events kept in the log)')
      const store = await storeProblem()
      if (store) problems.push(store)
      c.header('cache-control', 'no-store')
      return problems.length ? c.json({ status: 'unavailable', problems }, 503) : c.json({ status: 'ready' })
    })
}

async function checkStore(client: ClickHouseClient): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined
  try {
    const query = queryStoreAnswers(client)
    const timeout = new Promise<never>(
      (_, reject) =>
        (timer = setTimeout(
          () => reject(new Error(`no answer in ${STORE_CHECK_TIMEOUT_MS} ms`)),
          STORE_CHECK_TIMEOUT_MS,
        )),
    )
    await Promise.race([query, timeout])
    return undefined
  } catch (err) {
    return `store unreachable: ${errorMessage(err)}`
  } finally {
    clearTimeout(timer)
  }
}
