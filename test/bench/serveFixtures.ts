import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))

export interface FixtureSite {
  /** `http://127.0.0.1:<port>`: another origin than the collector's `http://localhost:<port>`. */
  url: string
  close(): Promise<void>
}

/** The one script tag a customer pastes (with the queue stub), pointing at the collector. */
const snippetTag = (collector: string) =>
  '<script>window.wince=window.wince||function(){(wince.q=wince.q||[]).push(arguments)}</script>\n' +
  `<script async src="${collector}/s.js" data-site="demo"></script>`

/**
 * A reference, not Wince: guarded, passive, capturing no-op listeners on the events the
 * snippet listens to. What any script that listens to those events pays at least.
 */
const NOOP_LISTENERS = `<script>(function () {
  var o = { capture: true, passive: true }
  'click error unhandledrejection pointermove scroll focusin input change submit play pause hashchange popstate pagehide blur selectionchange visibilitychange pageshow'
    .split(' ').forEach(function (t) { addEventListener(t, function (e) { try { return e.timeStamp } catch (x) {} }, o) })
})()</script>`

/**
 * Serves `test/bench/fixtures` as a customer's site on its own origin. In a page,
 * `{{SNIPPET}}` becomes the script tag when the URL has `?snippet=1`, no-op listeners
 * with `?noop=1`, and nothing otherwise, so the same page runs with and without Wince.
 */
export async function serveFixtures(collectorUrl: string): Promise<FixtureSite> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(FIXTURES, path.endsWith('/') ? path + 'index.html' : path)
    if (!file.startsWith(FIXTURES)) return void res.writeHead(404).end()
    try {
      let body: Buffer | string = await readFile(file)
      if (extname(file) === '.html') {
        const q = url.searchParams
        const tag = q.get('snippet') === '1' ? snippetTag(collectorUrl) : q.get('noop') === '1' ? NOOP_LISTENERS : ''
        body = body.toString('utf8').replaceAll('{{SNIPPET}}', tag)
      }
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)]
      // no-store: a reload must load the page again, as a first visit would.
      res.writeHead(200, { 'content-type': `${type ?? 'application/octet-stream'}; charset=utf-8`, 'cache-control': 'no-store' }).end(body)
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
