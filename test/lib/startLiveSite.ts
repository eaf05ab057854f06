import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestSite } from './startSite.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/live/', import.meta.url))

/** The policy `csp.html` is served with: nothing inline, everything from the collector only. */
export const strictCsp = (collectorUrl: string): string =>
  `default-src 'self' ${collectorUrl}; script-src ${collectorUrl}; style-src ${collectorUrl}; img-src 'self' ${collectorUrl}; object-src 'none'; base-uri 'none'`

/**
 * Serves `test/fixtures/live` as a customer's site (its own origin, `{{COLLECTOR}}`
 * replaced), with `csp.html` under a strict Content-Security-Policy header.
 */
export async function startLiveSite(collectorUrl: string): Promise<TestSite> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(FIXTURES, path)
    if (!file.startsWith(FIXTURES) || !file.endsWith('.html')) return void res.writeHead(404).end()
    try {
      const body = (await readFile(file, 'utf8')).replaceAll('{{COLLECTOR}}', collectorUrl)
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' }
      if (path.endsWith('csp.html')) headers['content-security-policy'] = strictCsp(collectorUrl)
      res.writeHead(200, headers).end(body)
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
