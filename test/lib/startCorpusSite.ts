import { createServer, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestSite } from './startSite.ts'

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))
const NODE_MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url))

/** Third-party widgets the corpus pages use, served from the test package's devDependencies as `/vendor/<pkg>/<file>`. */
export const VENDOR_PACKAGES = ['@glidejs/glide', 'flatpickr', 'nouislider'] as const

/** Longest delay `/slow?ms=` grants, so a typo cannot hang a test. */
const SLOW_MAX_MS = 5000

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv',
}

/** Resolves a URL path to a file: a vendor file from an allowed package, or a corpus page. */
function fileFor(path: string): string | undefined {
  const vendor = VENDOR_PACKAGES.find((p) => path.startsWith(`/vendor/${p}/`))
  if (vendor) {
    const root = join(NODE_MODULES, vendor, '/')
    const file = join(root, path.slice(`/vendor/${vendor}/`.length))
    return file.startsWith(root) ? file : undefined
  }
  // An SPA's deep links are served its shell, as its host would.
  const file = join(CORPUS, path.startsWith('/spa/') ? 'spa.html' : path.endsWith('/') ? path + 'index.html' : path)
  return file.startsWith(CORPUS) ? file : undefined
}

async function serve(res: ServerResponse, path: string, collectorUrl: string): Promise<void> {
  const file = fileFor(path)
  if (!file) return void res.writeHead(404).end()
  try {
    let body: Buffer | string = await readFile(file)
    if (extname(file) === '.html') body = body.toString('utf8').replaceAll('{{COLLECTOR}}', collectorUrl)
    const headers: Record<string, string> = { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` }
    // Files under files/ download, as a CMS serves attachments.
    if (path.startsWith('/files/')) headers['content-disposition'] = 'attachment'
    res.writeHead(200, headers).end(body)
  } catch {
    res.writeHead(404).end('not found')
  }
}

/**
 * Serves the labelled corpus (`test/fixtures/corpus`) as a customer's site: its own
 * origin, pages loading the snippet from the collector (`{{COLLECTOR}}` replaced),
 * the widgets' dist files under `/vendor/`, and `/slow?ms=N`, an API call that answers
 * after N ms (a slow button's request).
 */
export async function startCorpusSite(collectorUrl: string): Promise<TestSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (url.pathname === '/slow') {
      const ms = Math.min(Number(url.searchParams.get('ms')) || 0, SLOW_MAX_MS)
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), ms)
      res.on('close', () => clearTimeout(timer))
      return
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '')
    void serve(res, path, collectorUrl)
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
