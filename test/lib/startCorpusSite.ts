import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSite, type TestSite } from './startSite.ts'

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))
const NODE_MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url))

/** Third-party widgets the corpus pages use, served from the test package's devDependencies as `/vendor/<pkg>/<file>`. */
export const VENDOR_PACKAGES = ['@glidejs/glide', 'flatpickr', 'nouislider', 'vue'] as const

/** Longest delay `/slow?ms=` grants, so a typo cannot hang a test. */
const SLOW_MAX_MS = 5000

function fileFor(path: string, apps?: string): string | undefined {
  // The framework apps, built for the run (`buildCorpusApps`).
  if (apps && path.startsWith('/apps/')) {
    const file = join(apps, path.slice('/apps/'.length))
    return file.startsWith(join(apps, '/')) ? file : undefined
  }
  const vendor = VENDOR_PACKAGES.find((p) => path.startsWith(`/vendor/${p}/`))
  if (vendor) {
    const root = join(NODE_MODULES, vendor, '/')
    const file = join(root, path.slice(`/vendor/${vendor}/`.length))
    return file.startsWith(root) ? file : undefined
  }
  // An SPA's deep links are served its shell, as its host would.
  return path.startsWith('/spa/') ? join(CORPUS, 'spa.html') : undefined
}

/** The one tag by which every corpus page loads Wince. */
const WINCE_TAG = '<script async src="{{COLLECTOR}}/s.js" data-site="demo"></script>'

/**
 * Serves the labelled corpus (`test/fixtures/corpus`) as a customer's site: its own
 * origin, pages loading the snippet from the collector (`{{COLLECTOR}}` replaced),
 * the widgets' dist files under `/vendor/`, and `/slow?ms=N`, an API call that answers
 * after N ms (a slow button's request); with `apps`, the framework apps built there as
 * `/apps/`. With `tags`, the pages load those scripts instead of Wince (other tools, on
 * the same pages).
 */
export function startCorpusSite(collectorUrl: string, apps?: string, tags?: string): Promise<TestSite> {
  return startSite(collectorUrl, {
    dir: CORPUS,
    render: (html) =>
      (tags === undefined ? html : html.replace(WINCE_TAG, tags)).replaceAll('{{COLLECTOR}}', collectorUrl),
    file: (path) => fileFor(path, apps),
    // Files under files/ download, as a CMS serves attachments.
    headers: (path): Record<string, string> =>
      path.startsWith('/files/') ? { 'content-disposition': 'attachment' } : {},
    handle(url, res) {
      if (url.pathname !== '/slow') return false
      const ms = Math.min(Number(url.searchParams.get('ms')) || 0, SLOW_MAX_MS)
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), ms)
      res.on('close', () => clearTimeout(timer))
      return true
    },
  })
}
