import type { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'
import { MemoryBus, type LiveBus, type LiveListener } from './LiveBus.ts'
import type { LiveMessage } from './LiveMessage.ts'

/** The Redis channel every collector publishes live messages on and listens to. */
export const LIVE_CHANNEL = 'wince:live'

/**
 * The live bus for several collectors: a message is delivered to this
 * process's streams at once (an alert never waits for the network) and
 * published on Redis for the others, which deliver it to theirs. Redis
 * pub/sub pushes: nothing polls, and nothing is kept there (the store keeps
 * what must last: alerts, actions, offers, help requests).
 */
export class RedisBus implements LiveBus {
  /** This process's mark on what it publishes, so it skips its own echo. */
  readonly origin = randomBytes(6).toString('hex')
  private readonly _local = new MemoryBus()

  /** `sub` is given over to listening (a subscribed Redis connection can do nothing else). */
  private constructor(
    private readonly _pub: Redis,
    private readonly _sub: Redis,
  ) {
    _sub.on('message', (channel: string, text: string) => {
      if (channel !== LIVE_CHANNEL) return
      let parsed: { o: string; m: LiveMessage }
      try {
        // Messages on this channel are published by RedisBus itself in this shape.
        parsed = JSON.parse(text) as { o: string; m: LiveMessage }
      } catch {
        return console.error('wince: unreadable live message on Redis ignored')
      }
      if (parsed.o !== this.origin) this._local.publish(parsed.m)
    })
  }

  /** Subscribes before answering: a collector serves only once it hears the others. */
  static async connect(pub: Redis, sub: Redis): Promise<RedisBus> {
    const bus = new RedisBus(pub, sub)
    await sub.subscribe(LIVE_CHANNEL)
    return bus
  }

  publish(message: LiveMessage): void {
    this._local.publish(message)
    this._pub.publish(LIVE_CHANNEL, JSON.stringify({ o: this.origin, m: message })).catch((err: Error) => {
      console.error(`wince: live message not shared with other collectors: ${err.message}`)
    })
  }

  subscribe(listener: LiveListener): () => void {
    return this._local.subscribe(listener)
  }

  async close(): Promise<void> {
    await this._sub.unsubscribe(LIVE_CHANNEL).catch(() => {})
  }
}
