import { createServer, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const FIXTURES = fileURLToPath(new URL('../fixtures/site/', import.meta.url))

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv',
}

export interface TestSite {
  /** `http://127.0.0.1:<port>`: another origin than the collector's `http://localhost:<port>`. */
  url: string
  close(): Promise<void>
}

export interface SiteOptions {
  /** Folder of the pages. Default `test/fixtures/site/`. */
  dir?: string
  /** A file for a path outside the usual mapping (vendor files, an SPA's shell); `undefined` for the usual. */
  file?: (path: string) => string | undefined
  /** A page's HTML as served. Default: `{{COLLECTOR}}` replaced by the collector's URL. */
  render?: (html: string, url: URL) => string
  /** Headers to add for a path. */
  headers?: (path: string) => Record<string, string>
  /** Answers a request itself (an API the pages call); true when it did. */
  handle?: (url: URL, res: ServerResponse) => boolean
}

/**
 * Serves fixture pages as a customer's site would: its own origin, pages that
 * load the snippet from the collector with one script tag.
 */
export async function startSite(collectorUrl: string, options: SiteOptions = {}): Promise<TestSite> {
  const dir = options.dir ?? FIXTURES
  const render = options.render ?? ((html: string) => html.replaceAll('{{COLLECTOR}}', collectorUrl))
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (options.handle?.(url, res)) return
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '')
    const custom = options.file?.(path)
    const file = custom ?? join(dir, path.endsWith('/') ? path + 'index.html' : path)
    if (!custom && !file.startsWith(dir)) return void res.writeHead(404).end()
    try {
      let body: Buffer | string = await readFile(file)
      if (extname(file) === '.html') body = render(body.toString('utf8'), url)
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, ...options.headers?.(path) }).end(body)
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
