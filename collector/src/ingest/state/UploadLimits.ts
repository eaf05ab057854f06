import { ApiError } from '../../ApiError.ts'
import { type Limits, MemoryLimits } from '../../broker/Limits.ts'
import type { Rate } from './RateLimiter.ts'

/**
 * Snapshots and replay runs per second from one IP (`WINCE_UPLOAD_RATE`,
 * `rate/burst`). A page view sends at most one snapshot, and a struggling
 * session one replay run every few seconds while followed; a burst covers an
 * office of visitors struggling at once.
 */
export const DEFAULT_UPLOAD_IP_RATE: Rate = { rate: 2, burst: 30 }
/** Snapshots and replay runs per second for one site (`WINCE_UPLOAD_SITE_RATE`). */
export const DEFAULT_UPLOAD_SITE_RATE: Rate = { rate: 50, burst: 500 }
/**
 * Bytes of snapshots and replay (as stored, un-gzipped) one site may add per
 * UTC day (`WINCE_UPLOAD_QUOTA_MB`): 2 GiB is thousands of replays a day, and
 * a flood cannot fill the disk faster than this.
 */
export const DEFAULT_UPLOAD_QUOTA_BYTES = 2 * 1024 ** 3
/** One log line per site and reason at most this often: a flood must not flood the log too. */
const LOG_EVERY_MS = 60_000
/** A day's byte counter outlives its UTC day by this much, so a clock a little off on another collector still finds it. */
const QUOTA_COUNTER_TTL_MS = 2 * 86_400_000

export interface UploadLimitsOptions {
  ipRate?: Rate | undefined
  siteRate?: Rate | undefined
  quotaBytes?: number | undefined
  /** Where the buckets and byte counters live: this process (default) or Redis, shared by every collector. */
  limits?: Limits | undefined
}

/**
 * Rate limits (per IP, per site) and a per-site daily storage quota for
 * `/v1/snapshot`, `/v1/replay` and `/v1/trail`: past them a clear 429 with
 * `Retry-After`, and one log line a minute per site and reason, not one per
 * request. With Redis the buckets and counters are shared by every collector.
 */
export class UploadLimits {
  private readonly _ipRate: Rate
  private readonly _siteRate: Rate
  private readonly _quota: number
  private readonly _limits: Limits
  private readonly _refused = new Map<string, { n: number; loggedAt: number }>()

  constructor(options: UploadLimitsOptions = {}) {
    this._ipRate = options.ipRate ?? DEFAULT_UPLOAD_IP_RATE
    this._siteRate = options.siteRate ?? DEFAULT_UPLOAD_SITE_RATE
    this._quota = options.quotaBytes ?? DEFAULT_UPLOAD_QUOTA_BYTES
    this._limits = options.limits ?? new MemoryLimits()
  }

  /** Before reading the body: throws a 429 when this IP sends too often. */
  async checkIp(ip: string, what: string): Promise<void> {
    const wait = await this._limits.take('upload-ip', this._ipRate, ip)
    if (wait > 0)
      this._refuse(
        '*',
        'per-IP rate',
        new ApiError(429, `too many ${what} uploads from this address`, { retryAfter: wait }),
      )
  }

  /** Once the site and size are known: throws a 429 past the site's rate or its storage for today; else counts the bytes. */
  async charge(site: string, bytes: number, what: string, now = Date.now()): Promise<void> {
    const wait = await this._limits.take('upload-site', this._siteRate, site)
    if (wait > 0)
      this._refuse(
        site,
        'site rate',
        new ApiError(429, `too many ${what} uploads for site "${site}"`, { retryAfter: wait }),
      )
    const day = new Date(now).toISOString().slice(0, 10)
    const used = await this._limits.add(`upload-bytes:${day}`, site, bytes, QUOTA_COUNTER_TTL_MS)
    if (used > this._quota) {
      // Refused bytes are not stored, so they do not count.
      await this._limits.add(`upload-bytes:${day}`, site, -bytes, QUOTA_COUNTER_TTL_MS)
      const retryAfter = Math.ceil((Date.parse(day) + 86_400_000 - now) / 1000)
      this._refuse(
        site,
        'daily storage quota',
        new ApiError(
          429,
          `site "${site}" has used its ${Math.round(this._quota / 1024 ** 2)} MB of snapshot and replay storage for today (UTC)`,
          { retryAfter },
        ),
      )
    }
  }

  private _refuse(site: string, reason: string, error: ApiError): never {
    const key = `${site} ${reason}`
    const now = Date.now()
    const r = this._refused.get(key) ?? { n: 0, loggedAt: 0 }
    r.n++
    if (now - r.loggedAt >= LOG_EVERY_MS) {
      console.warn(
        `wince: snapshot/replay uploads refused (${reason}${site === '*' ? '' : `, site "${site}"`}): ${r.n} since the last such line`,
      )
      r.n = 0
      r.loggedAt = now
    }
    this._refused.set(key, r)
    throw error
  }
}
