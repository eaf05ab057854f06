import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { ApiError } from '../ApiError.ts'
import { SESSION_COOKIE } from '../auth/requireRole.ts'
import { ownOrigin } from './ownOrigin.ts'

/** Methods that read: a browser may send them from anywhere, they change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface CsrfOptions {
  /** Take the scheme and host from `X-Forwarded-*` (`WINCE_TRUST_PROXY=1`). Default false. */
  trustProxy?: boolean
  /**
   * Require `Content-Type: application/json`, default true. A page of another
   * origin can send only form encodings and `text/plain` without a CORS
   * preflight, and the collector answers no preflight on these routes. The
   * login form is the one route that keeps its form encoding.
   */
  json?: boolean
}

/**
 * Refuses cross-site writes made with the dashboard's session cookie.
 *
 * `SameSite=Strict` is not enough: a page on another port of the same host, or
 * on a sibling subdomain, is *same-site* and its requests carry the cookie. So
 * every state-changing request that comes with the cookie (or with no
 * credentials at all) must show it came from the dashboard itself: the
 * browser's `Sec-Fetch-Site: same-origin`, or else an `Origin` equal to the
 * collector's own. Scripts that send `Authorization: Bearer` and no cookie are
 * not browsers riding on a session (no page can add that header cross-origin
 * without a preflight the collector never allows) and pass.
 */
export function csrfGuard({ trustProxy = false, json = true }: CsrfOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const bearer = c.req.header('authorization')?.startsWith('Bearer ')
    if (bearer && getCookie(c, SESSION_COOKIE) === undefined) return next()
    const fetchSite = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    const own = ownOrigin(c, trustProxy)
    if (fetchSite !== undefined && fetchSite !== 'same-origin') {
      throw new ApiError(403, `cross-site request refused: Sec-Fetch-Site is "${fetchSite}", this needs same-origin`)
    }
    if (fetchSite === undefined && origin !== own) {
      throw new ApiError(403, `cross-site request refused: Origin ${origin ?? '(none)'} is not ${own}`)
    }
    if (json && !isJson(c.req.header('content-type'))) {
      throw new ApiError(403, 'cross-site request refused: send Content-Type: application/json')
    }
    return next()
  }
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}
