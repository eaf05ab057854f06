import { randomBytes, timingSafeEqual, createHmac } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import type { SharedState } from '../store/SharedState.ts'
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

/**
 * A session cookie value `issuedAt.tokenId.signature`, signed with the admin
 * token (rotating it ends every session). The token id lets a revoked
 * token's sessions end too.
 */
export function makeSession(secret: string, tokenId: string, now = Date.now()): string {
  const data = `${now}.${tokenId}`
  return `${data}.${sign(secret, data)}`
}

/** The token id of a session cookie made with this secret and not expired, else undefined. */
export function checkSession(secret: string, value: string | undefined, now = Date.now()): string | undefined {
  if (!value) return undefined
  const parts = value.split('.')
  if (parts.length !== 3) return undefined
  // Three parts, checked just above.
  const [issuedText, tokenId, signature] = parts as [string, string, string]
  const issued = Number(issuedText)
  if (!/^\d+$/.test(issuedText) || now - issued > SESSION_TTL_MS || issued > now + 60_000) return undefined
  return safeEqual(signature, sign(secret, `${issuedText}.${tokenId}`)) ? tokenId : undefined
}

function sign(secret: string, data: string): string {
  return createHmac('sha256', secret)
    .update('wince-session:' + data)
    .digest('base64url')
}

/**
 * The admin token of collectors sharing a ClickHouse server: `WINCE_ADMIN_TOKEN`
 * when set, else one generated once and kept in `shared_state`. Collectors
 * starting together may each propose one; the earliest kept wins for all
 * (each proposal has its own key, so none overwrites another).
 */
export async function loadSharedAdminToken(
  state: SharedState,
  fromEnv?: string,
): Promise<{ token: string; generated: boolean }> {
  if (fromEnv) return { token: fromEnv, generated: false }
  const first = async () => {
    const kept = [...(await state.load(ADMIN_KIND)).values()].map(
      // Records this module stored; nothing else writes this kind.
      (text) => JSON.parse(text) as { token: string; at: number },
    )
    return kept.sort((a, b) => a.at - b.at || a.token.localeCompare(b.token))[0]?.token
  }
  const known = await first()
  if (known) return { token: known, generated: false }
  const token = randomBytes(24).toString('base64url')
  await state.save(ADMIN_KIND, randomBytes(8).toString('hex'), JSON.stringify({ token, at: Date.now() }))
  const winner = (await first()) ?? token
  return { token: winner, generated: winner === token }
}

/** The `shared_state` kind of generated admin tokens. */
const ADMIN_KIND = 'admin-token'
