import type { Context } from 'hono'

/**
 * The origin the browser sees for this collector: the request's own scheme and
 * host, or — behind a TLS-terminating proxy and only with `trustProxy` — the
 * scheme and host the proxy says it was reached by (`X-Forwarded-Proto`,
 * `X-Forwarded-Host`). Without trust those headers are anyone's to forge.
 */
export function ownOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url)
  if (!trustProxy) return url.origin
  const proto = firstValue(c.req.header('x-forwarded-proto'))
  const host = firstValue(c.req.header('x-forwarded-host'))
  const scheme = proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1)
  return `${scheme}://${host && /^[\w.-]+(:\d{1,5})?$|^\[[\da-f:]+\](:\d{1,5})?$/i.test(host) ? host.toLowerCase() : url.host}`
}

/** Whether the browser reached the collector over https (directly, or through a trusted proxy). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  return ownOrigin(c, trustProxy).startsWith('https:')
}

/** A proxy chain appends: the first value is what the browser used. */
function firstValue(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.trim().toLowerCase() || undefined
}
