import type { ServerType } from '@hono/node-server'

/**
 * A client gets this long to send its request headers, ms: a browser sends
 * them in one packet; a slow-loris client trickling them holds a socket.
 */
export const HEADERS_TIMEOUT_MS = 10_000
/**
 * A client gets this long to send its whole request, body included, ms: the
 * largest body (a 1 MB snapshot) arrives in that time at 35 KB/s, slower than
 * any phone that can also run the page. Answers (Server-Sent Events) are not
 * bounded by it.
 */
export const REQUEST_TIMEOUT_MS = 30_000

/** Sets the Node server's timeouts so slow or stalled clients are dropped rather than held (tests pass shorter ones). */
export function dropSlowClients(
  server: ServerType,
  headersMs = HEADERS_TIMEOUT_MS,
  requestMs = REQUEST_TIMEOUT_MS,
): void {
  // serve() makes a node:http(s) Server, which has both timeouts; the union type hides them.
  const s = server as ServerType & { headersTimeout?: number; requestTimeout?: number }
  s.headersTimeout = headersMs
  s.requestTimeout = requestMs
}
