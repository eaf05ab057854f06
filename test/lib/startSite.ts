import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const FIXTURES = fileURLToPath(new URL('../fixtures/site/', import.meta.url))

export interface TestSite {
  /** `http://127.0.0.1:<port>`: another origin than the collector's `http://localhost:<port>`. */
  url: string
  close(): Promise<void>
}

/**
 * Serves `test/fixtures/site` as a customer's site would: its own origin,
 * pages that load the snippet from the collector with one script tag.
 * `{{COLLECTOR}}` in a page is replaced by the collector's URL.
 */
export async function startSite(collectorUrl: string): Promise<TestSite> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(FIXTURES, path.endsWith('/') ? path + 'index.html' : path)
    if (!file.startsWith(FIXTURES)) return void res.writeHead(404).end()
    try {
      let body: Buffer | string = await readFile(file)
      if (extname(file) === '.html') body = body.toString('utf8').replaceAll('{{COLLECTOR}}', collectorUrl)
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }[extname(file)]
      res.writeHead(200, { 'content-type': `${type ?? 'application/octet-stream'}; charset=utf-8` }).end(body)
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
