import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { ApiError } from '../ApiError.ts'
import { checkSession, safeEqual } from './adminToken.ts'

/** Name of the cookie the token link logs into. */
export const SESSION_COOKIE = 'wince_session'

/** Whether the request carries the admin token (Bearer) or a session made with it. */
export function isAdmin(token: string, authorization: string | undefined, cookie: string | undefined): boolean {
  if (authorization?.startsWith('Bearer ') && safeEqual(authorization.slice(7).trim(), token)) return true
  return checkSession(token, cookie)
}

/** Refuses (401) any request without the admin token or its session. */
export function requireAdmin(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (!isAdmin(token, c.req.header('authorization'), getCookie(c, SESSION_COOKIE))) {
      throw new ApiError(401, 'missing or invalid admin token: send "Authorization: Bearer <token>" or open the dashboard link printed at start', {}, )
    }
    await next()
  }
}
