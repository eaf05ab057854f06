import { randomBytes, timingSafeEqual, createHmac } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The admin token: `WINCE_ADMIN_TOKEN` when set, else one generated once and
 * kept in `<dataDir>/admin-token` (mode 0600) so restarts keep the same URL.
 */
export function loadAdminToken(dataDir: string, fromEnv?: string): { token: string; generated: boolean } {
  if (fromEnv) return { token: fromEnv, generated: false }
  const file = join(dataDir, 'admin-token')
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim()
    if (token) return { token, generated: false }
  }
  mkdirSync(dataDir, { recursive: true })
  const token = randomBytes(24).toString('base64url')
  writeFileSync(file, token + '\n', { mode: 0o600 })
  return { token, generated: true }
}

/** Compares secrets in constant time (lengths leak, contents do not). */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && timingSafeEqual(ab, bb)
}

/** How long a dashboard session lasts: a working week, then the token link again. */
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000

/** A session cookie value: `issuedAt.signature`, signed with the token (rotating the token ends every session). */
export function makeSession(token: string, now = Date.now()): string {
  return `${now}.${sign(token, String(now))}`
}

/** Whether a session cookie value was made with this token and has not expired. */
export function checkSession(token: string, value: string | undefined, now = Date.now()): boolean {
  if (!value) return false
  const dot = value.indexOf('.')
  const issued = Number(value.slice(0, dot))
  if (dot < 1 || !Number.isFinite(issued) || now - issued > SESSION_TTL_MS || issued > now + 60_000) return false
  return safeEqual(value.slice(dot + 1), sign(token, value.slice(0, dot)))
}

function sign(token: string, data: string): string {
  return createHmac('sha256', token).update('wince-session:' + data).digest('base64url')
}
