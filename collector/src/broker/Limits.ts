import { RateLimiter, type Rate } from '../ingest/state/RateLimiter.ts'

/**
 * Token buckets by scope and key (`ip` / an address, `site` / an id). `take`
 * answers 0 when allowed, else the seconds to wait (for `Retry-After`). One
 * process keeps them in memory ({@link MemoryLimits}); several collectors share
 * them in Redis (`RedisLimits`) so N collectors do not allow N × the limit.
 */
export interface Limits {
  take(scope: string, limit: Rate, key: string, cost?: number): number | Promise<number>
  /**
   * Adds `amount` to a counter (created at 0, forgotten `ttlMs` after its first add) and
   * answers its new total: quotas such as a site's upload bytes for one UTC day.
   */
  add(scope: string, key: string, amount: number, ttlMs: number): number | Promise<number>
}

/** The buckets of one process. */
export class MemoryLimits implements Limits {
  private readonly _limiters = new Map<string, RateLimiter>()

  take(scope: string, limit: Rate, key: string, cost = 1): number {
    // Keyed by the rate too: a site whose rate is changed in its settings gets a bucket of the new size.
    const id = `${scope} ${limit.rate}/${limit.burst}`
    let limiter = this._limiters.get(id)
    if (!limiter) this._limiters.set(id, (limiter = new RateLimiter(limit)))
    return limiter.take(key, cost)
  }

  private readonly _counters = new Map<string, { total: number; until: number }>()

  add(scope: string, key: string, amount: number, ttlMs: number, now = Date.now()): number {
    const id = `${scope} ${key}`
    let counter = this._counters.get(id)
    if (!counter || counter.until <= now) {
      // Forget every expired counter here: yesterday's keys must not pile up in a long-running process.
      for (const [k, c] of this._counters) if (c.until <= now) this._counters.delete(k)
      this._counters.set(id, (counter = { total: 0, until: now + ttlMs }))
    }
    counter.total += amount
    return counter.total
  }
}
