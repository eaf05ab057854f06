import { createServer, type Server } from 'node:http'

export interface ForeignServer {
  /** `http://localhost:<port>`: same site as a collector on localhost, another origin. */
  url: string
  /** Every request it received, as `METHOD /path`, in order. */
  requests: string[]
  close(): Promise<void>
}

/**
 * A server of another origin on loopback: an attacker's page, or the "foreign"
 * host a stored page points at. It answers `page` at `/` and a tiny body
 * for anything else, and logs every request so a test can count them.
 */
export async function startForeign(page = '<!doctype html><title>foreign</title>'): Promise<ForeignServer> {
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
    res.writeHead(200, { 'content-type': 'text/plain' }).end('x')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://localhost:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
