import type { IncomingMessage, Server, ServerResponse } from 'node:http'

/** How long a stop waits for requests in flight before it cuts their connections, ms: well inside the 10 s a supervisor gives. */
export const DRAIN_REQUESTS_MS = 5_000

/**
 * The server's state as a supervisor sees it, and its graceful stop. While stopping,
 * `/readyz` says so, every answer carries `Connection: close` (keep-alive clients
 * move on instead of sending more on a closing server), event streams are ended, and
 * requests in flight are let finish.
 */
export class Lifecycle {
  private _stopping = false
  private readonly _active = new Set<ServerResponse>()
  private _server: Server | undefined

  /** Whether a stop has begun. */
  get stopping(): boolean {
    return this._stopping
  }

  /** Requests being answered now (event streams included). */
  get inFlight(): number {
    return this._active.size
  }

  /** Starts tracking a server's requests. */
  attach(server: Server): void {
    this._server = server
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      this._active.add(res)
      res.once('close', () => this._active.delete(res))
      if (this._stopping) res.setHeader('connection', 'close')
    })
  }

  /**
   * Stops taking connections, ends event streams, waits up to `waitMs` for the other
   * requests in flight, then closes whatever connection is left.
   */
  async stop(waitMs = DRAIN_REQUESTS_MS): Promise<void> {
    this._stopping = true
    const server = this._server
    if (!server) return
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    for (const res of this._active) {
      if (!res.headersSent) res.setHeader('connection', 'close')
      // Headers sent but no end: an event stream, which never ends by itself. The browser's
      // EventSource reconnects, to another instance if there is one. (Other answers are written whole.)
      else if (!res.writableEnded) res.socket?.destroy()
    }
    let timer: NodeJS.Timeout | undefined
    await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))])
    clearTimeout(timer)
    server.closeAllConnections()
    await closed
  }
}
