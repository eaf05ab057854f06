/** A token bucket: `rate` per second, bursts up to `burst`. */
export interface Rate {
  rate: number
  burst: number
}

/**
 * Token buckets by key (a site, an IP). `take` answers 0 when allowed, else
 * the seconds to wait (for `Retry-After`). Idle buckets are swept so a flood
 * of distinct keys cannot grow memory without bound.
 */
export class RateLimiter {
  private readonly _buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly _limit: Rate,
    /** Most keys tracked; past this, full (idle) buckets are dropped first. Default 100,000. */
    private readonly _maxKeys = 100_000,
  ) {}

  take(key: string, cost = 1, now = Date.now()): number {
    const { rate, burst } = this._limit
    let bucket = this._buckets.get(key)
    if (!bucket) {
      if (this._buckets.size >= this._maxKeys) this._sweep(now)
      bucket = { tokens: burst, at: now }
      this._buckets.set(key, bucket)
    } else {
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate)
      bucket.at = now
    }
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost
      return 0
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / rate))
  }

  private _sweep(now: number): void {
    const { rate, burst } = this._limit
    for (const [key, b] of this._buckets) {
      if (b.tokens + ((now - b.at) / 1000) * rate >= burst) this._buckets.delete(key)
    }
    // Still full of busy keys: forget the oldest half rather than grow.
    if (this._buckets.size >= this._maxKeys) {
      let n = this._buckets.size / 2
      for (const key of this._buckets.keys()) {
        if (n-- <= 0) break
        this._buckets.delete(key)
      }
    }
  }
}
