import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { ApiError } from '../ApiError.ts'
import { checkSession } from './adminToken.ts'
import type { Role, Tokens } from './Tokens.ts'

/** Name of the cookie a token logs into. */
export const SESSION_COOKIE = 'wince_session'

/** Who made a request. */
export interface Principal {
  tokenId: string
  role: Role
}

/** What `requireRole` leaves on the context for the routes behind it: `c.get('principal')`. */
export type AuthEnv = { Variables: { principal: Principal } }

/** The principal behind a Bearer token or a session cookie, if any. */
export function principalOf(c: Context, tokens: Tokens, secret: string): Principal | undefined {
  const authorization = c.req.header('authorization')
  if (authorization?.startsWith('Bearer ')) {
    const found = tokens.verify(authorization.slice(7).trim())
    return found && { tokenId: found.id, role: found.role }
  }
  const cookie = getCookie(c, SESSION_COOKIE)
  const tokenId = cookie && !tokens.endedSessions.has(cookie) ? checkSession(secret, cookie) : undefined
  const role = tokenId ? tokens.roleOf(tokenId) : undefined
  return tokenId && role ? { tokenId, role } : undefined
}

/**
 * 401 without a valid token or session; 403 when the role is not enough.
 * `agent` routes admit admins too.
 */
export function requireRole(tokens: Tokens, secret: string, role: Role): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const principal = principalOf(c, tokens, secret)
    if (!principal) {
      throw new ApiError(
        401,
        'missing or invalid token: send "Authorization: Bearer <token>" or sign in through the dashboard',
      )
    }
    if (role === 'admin' && principal.role !== 'admin') throw new ApiError(403, 'this needs the admin role')
    c.set('principal', principal)
    await next()
  }
}
