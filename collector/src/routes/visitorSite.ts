import type { Context } from 'hono'
import { ApiError } from '../ApiError.ts'
import type { Site, Sites } from '../sites/Sites.ts'
import { requestOrigin } from './collect.ts'

/** The site and origin of a visitor's request, checked like a beacon's (403 otherwise); sets CORS. */
export function visitorSite(c: Context, sites: Sites, siteId: string | undefined): Site {
  const origin = requestOrigin(c.req.header('origin'), c.req.header('referer'))
  if (origin) {
    c.header('access-control-allow-origin', origin)
    c.header('vary', 'Origin')
  }
  const site = siteId ? sites.get(siteId) : undefined
  if (!site) throw new ApiError(403, `unknown site "${siteId ?? ''}"`)
  if (!origin || !sites.allows(site, origin))
    throw new ApiError(403, `origin ${origin ?? '(none)'} is not allowed for site "${site.id}"`)
  return site
}
