import { Redis } from 'ioredis'
import { AlertGate, type AlertAdmitter } from '../live/AlertGate.ts'
import { MemoryBus, type LiveBus } from '../live/LiveBus.ts'
import { RedisBus } from '../live/RedisBus.ts'
import { MemoryLimits, type Limits } from './Limits.ts'
import { RedisAlertGate } from './RedisAlertGate.ts'
import { RedisLimits } from './RedisLimits.ts'
import type { ChangeNotices } from '../store/SharedState.ts'
import { errorMessage } from '../errorMessage.ts'

/** The Redis channel on which a collector says which kind of shared record (sites, tokens) it changed. */
export const STATE_CHANNEL = 'wince:state'

/** A Redis command not answered in this long fails (and the limit fails open): a beacon must not wait on a stuck broker. */
const COMMAND_TIMEOUT_MS = 1_000

/**
 * What collectors must share to act as one: the live bus, the rate limits and
 * the alert gate. In memory for one process; in Redis (`WINCE_REDIS_URL`) for
 * several.
 */
export interface Broker extends ChangeNotices {
  bus: LiveBus
  limits: Limits
  alertGate: AlertAdmitter
  /** `memory` or `redis`. */
  kind: 'memory' | 'redis'
  close(): Promise<void>
}

/** The in-process broker: enough for one collector, and nothing polls. */
export function memoryBroker(alertsPerIp?: number): Broker {
  // One process: nobody else to tell of a change.
  return {
    bus: new MemoryBus(),
    limits: new MemoryLimits(),
    alertGate: new AlertGate(alertsPerIp),
    kind: 'memory',
    announce: () => {},
    onAnnounce: () => {},
    close: async () => {},
  }
}

/** Connects to Redis (two connections: one publishes and counts, one listens). Throws when it cannot be reached at start. */
export async function redisBroker(url: string, alertsPerIp?: number): Promise<Broker> {
  const options = {
    lazyConnect: true,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  }
  const pub = new Redis(url, options)
  const sub = new Redis(url, { ...options, commandTimeout: undefined, enableOfflineQueue: true })
  // ioredis reconnects by itself; without a listener an 'error' event would end the process.
  for (const r of [pub, sub]) r.on('error', (err: Error) => console.error(`wince: Redis: ${err.message}`))
  try {
    await Promise.all([pub.connect(), sub.connect()])
  } catch (err) {
    pub.disconnect()
    sub.disconnect()
    throw new Error(`WINCE_REDIS_URL: cannot reach Redis at ${redact(url)}: ${errorMessage(err)}`)
  }
  const bus = await RedisBus.connect(pub, sub)
  const listeners: Array<(kind: string) => void> = []
  sub.on('message', (channel: string, kind: string) => {
    if (channel === STATE_CHANNEL) for (const listener of listeners) listener(kind)
  })
  await sub.subscribe(STATE_CHANNEL)
  return {
    bus,
    announce: (kind) =>
      void pub
        .publish(STATE_CHANNEL, kind)
        .catch((err: Error) =>
          console.error(
            `wince: change of ${kind} not announced to other collectors (they reload within a minute): ${err.message}`,
          ),
        ),
    onAnnounce: (listener) => void listeners.push(listener),
    limits: new RedisLimits(pub),
    alertGate: new RedisAlertGate(pub, alertsPerIp),
    kind: 'redis',
    async close() {
      await bus.close()
      pub.disconnect()
      sub.disconnect()
    },
  }
}

/** The URL without its password, for logs. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')
}
