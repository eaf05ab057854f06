import { fileURLToPath } from 'node:url'
import { startSite, type TestSite } from './startSite.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/live/', import.meta.url))

/** The policy `csp.html` is served with: nothing inline, everything from the collector only. */
export const strictCsp = (collectorUrl: string): string =>
  `default-src 'self' ${collectorUrl}; script-src ${collectorUrl}; style-src ${collectorUrl}; img-src 'self' ${collectorUrl}; object-src 'none'; base-uri 'none'`

/**
 * Serves `test/fixtures/live` as a customer's site (its own origin, `{{COLLECTOR}}`
 * replaced), with `csp.html` under a strict Content-Security-Policy header.
 */
export function startLiveSite(collectorUrl: string): Promise<TestSite> {
  return startSite(collectorUrl, {
    dir: FIXTURES,
    headers: (path): Record<string, string> =>
      path.endsWith('csp.html') ? { 'content-security-policy': strictCsp(collectorUrl) } : {},
  })
}
