import type { Context } from 'hono'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import type { LiveBus, LiveMessage } from './LiveBus.ts'

export interface StreamOptions {
  /** Which messages this stream carries. */
  filter: (message: LiveMessage) => boolean
  /** Messages to send first (e.g. offers made before the stream opened). */
  backlog?: () => Promise<LiveMessage[]>
  /** Heartbeat comment interval, ms: keeps proxies from closing an idle stream. */
  heartbeatMs: number
  /** Close the stream after this long without a message, ms (default: never). */
  idleMs?: number
  /** Ends the stream when fired (shutdown). */
  signal?: AbortSignal
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void
}

/**
 * Streams live messages as Server-Sent Events: `ready` once, then one event
 * per message, named after its kind, with `{ ...data, site, session }` as
 * its data.
 */
export function streamMessages(c: Context, bus: LiveBus, options: StreamOptions): Response {
  return streamSSE(c, async (stream) => {
    try {
      await pump(stream, bus, options)
    } finally {
      options.onClose?.()
    }
  })
}

async function pump(stream: SSEStreamingApi, bus: LiveBus, options: StreamOptions): Promise<void> {
  {
    const queue: LiveMessage[] = []
    let wake: (() => void) | undefined
    const unsubscribe = bus.subscribe((message) => {
      if (!options.filter(message)) return
      queue.push(message)
      wake?.()
    })
    const end = () => {
      unsubscribe()
      wake?.()
    }
    stream.onAbort(end)
    options.signal?.addEventListener('abort', end, { once: true })
    await stream.writeSSE({ event: 'ready', data: '{}' })
    const sent = new Set<string>()
    if (options.backlog) for (const m of await options.backlog()) if (options.filter(m)) queue.unshift(m)
    let lastActivity = Date.now()
    const over = () => stream.aborted || stream.closed || options.signal?.aborted === true
    while (!over()) {
      const message = queue.shift()
      if (message) {
        if (sent.has(message.id)) continue
        sent.add(message.id)
        lastActivity = Date.now()
        await stream.writeSSE({
          event: message.kind,
          id: message.id,
          data: JSON.stringify({ ...message.data, site: message.site, session: message.session }),
        })
        continue
      }
      if (options.idleMs !== undefined && Date.now() - lastActivity >= options.idleMs) break
      const wait = Math.min(
        options.heartbeatMs,
        options.idleMs === undefined ? Infinity : Math.max(10, options.idleMs - (Date.now() - lastActivity)),
      )
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = undefined
      if (queue.length === 0 && !over()) await stream.write(': keep-alive\n\n')
    }
    unsubscribe()
    options.signal?.removeEventListener('abort', end)
  }
}
