import { Hono } from 'hono'
import { ApiError } from '../ApiError.ts'
import type { SiteDiagnostics } from '../diagnostics/SiteDiagnostics.ts'
import type { Sites } from '../sites/Sites.ts'

/** `GET /api/diagnostics?site=`: what ingest did with a site's beacons (why a dashboard may be empty). */
export function diagnosticsApi(diagnostics: SiteDiagnostics, sites: Sites) {
  return new Hono().get('/diagnostics', (c) => {
    const id = c.req.query('site')
    const site = id ? sites.get(id) : undefined
    if (!id || !site) throw new ApiError(400, 'site: the id of a configured site (e.g. ?site=demo)')
    return c.json({
      site: id,
      origins: site.origins,
      allowHeadless: site.allowHeadless ?? false,
      ...diagnostics.get(id),
    })
  })
}
