import { cors } from 'hono/cors'

/**
 * The CORS preflight of every endpoint a visitor's page calls (`/v1/collect`, `/v1/snapshot`,
 * `/v1/replay`, `/v1/answer`): any origin may ask, for a day. Only the preflight: the request
 * itself gets `Access-Control-Allow-Origin` from its route, and only once the site allows that
 * origin ({@link visitorSite}, `/v1/collect`), so a refusal stays unreadable elsewhere.
 * Mount it with `.options(path, preflight)`.
 */
export const preflight = cors({
  origin: (origin) => origin || '*',
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['content-type', 'content-encoding'],
  maxAge: 86_400,
})
