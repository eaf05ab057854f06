import { randomUUID } from 'node:crypto'

/** A Chrome on Linux: the collector drops HTTP tools as bots. */
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
/** Events per beacon, as the snippet batches them. */
export const EVENTS_PER_BEACON = 20

/** Beacons sent by {@link beaconLoad}, by what the collector answered. */
export interface LoadTally {
  /** Ids of events in beacons answered 202: the collector promised to keep them. */
  acknowledged: Set<string>
  /** Ids in beacons that got no answer (cut by a kill): they may be stored or not, but never twice. */
  unanswered: Set<string>
  /** Other answers, by status. */
  refused: Map<number, number>
  /** Which collector acknowledged each id (its URL), when the test asks for it. */
  ackedBy?: Map<string, string>
}

/**
 * Steady load on `/v1/collect`: `senders` loops, each posting one 20-signal beacon
 * after another (every event id new, `why` = `run` so a test finds them). `target()`
 * names the collector to send to now; stop with the returned `stop()`.
 */
export function beaconLoad(
  target: () => string | undefined,
  run: string,
  senders = 8,
  tally: LoadTally = { acknowledged: new Set(), unanswered: new Set(), refused: new Map() },
) {
  let running = true
  const loops = Array.from({ length: senders }, async () => {
    while (running) {
      const url = target()
      if (!url) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        continue
      }
      const now = Date.now()
      const ids = Array.from({ length: EVENTS_PER_BEACON }, () => `${run}-${randomUUID()}`)
      const body = JSON.stringify({
        v: 1,
        s: 'demo',
        sid: `s-${run}`,
        pv: `p-${run}`,
        ev: ids.map((id, i) => ({
          k: 'signal',
          id,
          t: now + i,
          u: 'http://localhost/shop',
          type: 'dead_click',
          sel: 'button#buy',
          lb: 'button',
          x: 10,
          y: 20,
          n: 1,
          ms: 1000,
          why: run,
        })),
      })
      try {
        const res = await fetch(`${url}/v1/collect`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', origin: 'http://localhost:8080', 'user-agent': USER_AGENT },
          body,
        })
        if (res.status === 202)
          for (const id of ids) {
            tally.acknowledged.add(id)
            tally.ackedBy?.set(id, url)
          }
        else tally.refused.set(res.status, (tally.refused.get(res.status) ?? 0) + 1)
        await res.arrayBuffer()
      } catch {
        for (const id of ids) tally.unanswered.add(id)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
  })
  return {
    tally,
    async stop() {
      running = false
      await Promise.all(loops)
    },
  }
}
