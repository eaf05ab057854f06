import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * The dashboard's and the login page's Content-Security-Policy. Only what the
 * dashboard needs:
 * - scripts and connections: its own built files and its own API;
 * - `style-src 'unsafe-inline'`: stored pages are rebuilt (rrweb) in
 *   `about:blank` iframes that inherit this policy, and their styles are
 *   inline `<style>` elements and `style` attributes. Scripts stay strict:
 *   no inline script, no eval, and the rebuilt frames are sandboxed without
 *   `allow-scripts` anyway;
 * - `img-src data:`: the image placeholders of stored pages and the favicon;
 * - everything foreign blocked: the inherited policy is the second lock (after
 *   {@link neutralizeUrls} at storage) that keeps stored pages from fetching
 *   anything from a visitor's site or an attacker's server;
 * - `frame-ancestors 'none'`: nobody frames the dashboard (clickjacking of
 *   claim, dismiss and offer).
 */
export const DASHBOARD_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'"],
  mediaSrc: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/** The demo shop: a page like a customer's, loading the snippet from this same origin. */
const DEMO_CSP = {
  defaultSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'self'"],
}

// HSTS is the TLS proxy's to send: the collector may be reached over plain http on a LAN.
const dashboard = secureHeaders({
  contentSecurityPolicy: DASHBOARD_CSP,
  xFrameOptions: 'DENY',
  strictTransportSecurity: false,
})
const demo = secureHeaders({
  contentSecurityPolicy: DEMO_CSP,
  referrerPolicy: 'strict-origin-when-cross-origin',
  strictTransportSecurity: false,
})

/**
 * Headers by audience. The visitor channel and the snippet (`/v1/*`, `/s.js`,
 * `/s/*`) are loaded by customers' pages: `nosniff` only, their CORS stays as
 * each route sets it (a Cross-Origin-Resource-Policy or frame header there
 * would break the script tag). Everything else — dashboard, login, `/api` —
 * gets the dashboard's strict set.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path
    if (path.startsWith('/v1/') || path === '/s.js' || path.startsWith('/s/')) {
      await next()
      c.res.headers.set('x-content-type-options', 'nosniff')
      return
    }
    return (path === '/demo' || path.startsWith('/demo/') ? demo : dashboard)(c, next)
  }
}
