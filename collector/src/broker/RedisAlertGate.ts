import type { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'
import { DEFAULT_ALERTS_PER_IP, SESSION_ALERT_GAP_MS, type AlertAdmitter } from '../live/AlertGate.ts'
import { failOpen } from './failOpen.ts'

/** The window of the per-IP count, ms (as in `AlertGate`). */
const IP_WINDOW_MS = 60_000

/**
 * `AlertGate`'s rules in one atomic Redis step: a session in its episode is
 * held without costing its address anything; otherwise the address's alerts in
 * the last minute (a sorted set of times) must be under the limit.
 */
const ADMIT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[2], now, ARGV[4])
redis.call('PEXPIRE', KEYS[2], window)
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return 1
`

/** One alert per session per episode and N a minute per IP, across every collector on one Redis. */
export class RedisAlertGate implements AlertAdmitter {
  constructor(
    private readonly _redis: Redis,
    private readonly _perIp: number = DEFAULT_ALERTS_PER_IP,
    private readonly _prefix = 'wince:alert:',
  ) {}

  async admit(session: string, ip: string): Promise<boolean> {
    // The member must be unique in the set: two alerts in the same millisecond, from two collectors (both pid 1 in containers), both count.
    const member = randomBytes(8).toString('hex')
    return failOpen(
      'alert gate',
      true,
      async () =>
        (await this._redis.eval(
          ADMIT,
          2,
          `${this._prefix}s:${session}`,
          `${this._prefix}ip:${ip}`,
          SESSION_ALERT_GAP_MS,
          IP_WINDOW_MS,
          this._perIp,
          member,
        )) === 1,
    )
  }
}
