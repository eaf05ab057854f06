import type { Redis } from 'ioredis'
import type { Rate } from '../ingest/state/RateLimiter.ts'
import type { Limits } from './Limits.ts'
import { failOpen } from './failOpen.ts'

/**
 * The token bucket of `RateLimiter`, run inside Redis so that the read, the
 * refill and the take are one atomic step for every collector. Time is Redis's
 * own (`TIME`): collectors' clocks may differ, the bucket's may not.
 */
const TAKE = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - at) / 1000 * rate)
local wait = 0
if tokens >= cost then tokens = tokens - cost else wait = math.max(1, math.ceil((cost - tokens) / rate)) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return wait
`

/** A counter's add and its expiry set on the first add, as one step. */
const ADD = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
if total == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return total
`

/** Rate limits shared by every collector on one Redis. */
export class RedisLimits implements Limits {
  constructor(
    private readonly _redis: Redis,
    private readonly _prefix = 'wince:rate:',
  ) {}

  async take(scope: string, limit: Rate, key: string, cost = 1): Promise<number> {
    const bucket = `${this._prefix}${scope}:${limit.rate}/${limit.burst}:${key}`
    // Redis unreachable: the beacon is taken (a 202 is a promise to keep events), the limit is not enforced meanwhile.
    return failOpen('rate limit', 0, async () =>
      Number(await this._redis.eval(TAKE, 1, bucket, limit.rate, limit.burst, cost)),
    )
  }

  async add(scope: string, key: string, amount: number, ttlMs: number): Promise<number> {
    // Redis unreachable: the quota is not enforced meanwhile (answering 0 lets the upload through).
    return failOpen('quota', 0, async () =>
      Number(await this._redis.eval(ADD, 1, `${this._prefix}${scope}:${key}`, Math.round(amount), Math.round(ttlMs))),
    )
  }
}
