import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeEqual } from './adminToken.ts'
import { EndedSessions } from './EndedSessions.ts'

/** What a token may do. `agent`: see and act on live alerts and sessions; `admin`: that, plus settings. */
export type Role = 'admin' | 'agent'

export interface TokenInfo {
  /** Public id of the token (shown in lists, used to revoke it). */
  id: string
  role: Role
  /** Who holds it, for people reading the list. */
  name: string
  /** The name visitors see when this agent joins or offers help ("Maria"); unset: the site's team name. Never the token's `name`. */
  displayName?: string
  /** The agent's avatar colour, `#rrggbb`. */
  color?: string
  createdAt: number
}

/** What an agent shows of themself to visitors. */
export interface AgentLook {
  displayName?: string | undefined
  color?: string | undefined
}

interface StoredToken extends TokenInfo {
  /** SHA-256 of the token: the secret itself is never written down. */
  hash: string
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/**
 * The admin token (from the environment or the data dir) plus agent and
 * extra admin tokens made through the API, kept hashed in
 * `<dataDir>/tokens.json`.
 */
export class Tokens {
  private _stored: StoredToken[]
  private readonly _file: string
  /** Sessions signed out before they expired (`POST /logout`). */
  readonly endedSessions: EndedSessions

  constructor(private readonly _adminToken: string, dataDir: string) {
    this._file = join(dataDir, 'tokens.json')
    this.endedSessions = new EndedSessions(dataDir)
    this._stored = existsSync(this._file) ? ((JSON.parse(readFileSync(this._file, 'utf8')) as { tokens?: StoredToken[] }).tokens ?? []) : []
  }

  /** The role and id of a presented token, or undefined. Compared in constant time. */
  verify(token: string): { id: string; role: Role } | undefined {
    if (safeEqual(token, this._adminToken)) return { id: 'admin', role: 'admin' }
    const hash = sha256(token)
    const found = this._stored.find((t) => safeEqual(t.hash, hash))
    return found && { id: found.id, role: found.role }
  }

  /** Whether a token id still exists (a revoked token's sessions end). */
  has(id: string): boolean {
    return id === 'admin' || this._stored.some((t) => t.id === id)
  }

  roleOf(id: string): Role | undefined {
    return id === 'admin' ? 'admin' : this._stored.find((t) => t.id === id)?.role
  }

  list(): TokenInfo[] {
    return this._stored.map(({ hash: _hash, ...info }) => info)
  }

  /** Makes a token; the secret is returned once and never again. */
  create(role: Role, name: string, now = Date.now(), look: AgentLook = {}): TokenInfo & { token: string } {
    const token = randomBytes(24).toString('base64url')
    const info: TokenInfo = { id: randomBytes(6).toString('hex'), role, name, ...(look.displayName && { displayName: look.displayName }), ...(look.color && { color: look.color }), createdAt: now }
    this._stored.push({ ...info, hash: sha256(token) })
    this._save()
    return { ...info, token }
  }

  /** Changes how a token's holder shows to visitors; false when there is no such token. `''` clears a field. */
  setLook(id: string, look: AgentLook): boolean {
    const found = this._stored.find((t) => t.id === id)
    if (!found) return false
    for (const key of ['displayName', 'color'] as const) {
      const value = look[key]
      if (value === undefined) continue
      if (value) found[key] = value
      else delete found[key]
    }
    this._save()
    return true
  }

  /** The look of a token's holder (none for the admin token, which shows as the site's team). */
  lookOf(id: string): AgentLook {
    const found = this._stored.find((t) => t.id === id)
    return found ? { displayName: found.displayName, color: found.color } : {}
  }

  /** Revokes a token; false when there was none with that id. */
  revoke(id: string): boolean {
    const before = this._stored.length
    this._stored = this._stored.filter((t) => t.id !== id)
    if (this._stored.length === before) return false
    this._save()
    return true
  }

  private _save(): void {
    const tmp = this._file + '.tmp'
    writeFileSync(tmp, JSON.stringify({ tokens: this._stored }, null, 2) + '\n', { mode: 0o600 })
    renameSync(tmp, this._file)
  }
}
