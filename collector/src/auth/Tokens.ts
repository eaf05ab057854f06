import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeEqual } from './adminToken.ts'
import { EndedSessions } from './EndedSessions.ts'
import type { SharedState } from '../store/SharedState.ts'

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

/** The `shared_state` kind of tokens (one record per token id, hashed). */
const KIND = 'token'

/**
 * The admin token (from the environment, the data dir or the shared store)
 * plus agent and extra admin tokens made through the API, kept hashed in
 * `<dataDir>/tokens.json`, or in ClickHouse's `shared_state` when several
 * collectors share a server ({@link Tokens.fromState}).
 */
export class Tokens {
  private _stored: StoredToken[]
  private readonly _file: string | undefined
  private _state: SharedState | undefined
  /** Sessions signed out before they expired (`POST /logout`). */
  readonly endedSessions: EndedSessions

  constructor(
    private readonly _adminToken: string,
    dataDir?: string,
    endedSessions?: EndedSessions,
  ) {
    this._file = dataDir && join(dataDir, 'tokens.json')
    this.endedSessions = endedSessions ?? new EndedSessions(dataDir)
    this._stored =
      this._file && existsSync(this._file)
        ? // Our own file, written by this class in this shape.
          ((JSON.parse(readFileSync(this._file, 'utf8')) as { tokens?: StoredToken[] }).tokens ?? [])
        : []
  }

  /** The tokens every collector of one ClickHouse server shares; `dataDir`'s tokens.json from before is added once. */
  static async fromState(adminToken: string, state: SharedState, dataDir?: string): Promise<Tokens> {
    const tokens = new Tokens(adminToken, undefined, await EndedSessions.fromState(state))
    tokens._state = state
    const before = dataDir ? new Tokens(adminToken, dataDir).list().length : 0
    await tokens.reload()
    if (dataDir && before > 0) {
      const old = new Tokens(adminToken, dataDir)._stored
      for (const t of old) if (!tokens._stored.some((s) => s.id === t.id)) await tokens._keep(t)
    }
    state.watch(KIND, () => tokens.reload())
    return tokens
  }

  /** Reads the shared tokens again (another collector made, changed or revoked one). */
  async reload(): Promise<void> {
    if (!this._state) return
    // Records this class stored (JSON of a StoredToken); nothing else writes this kind.
    this._stored = [...(await this._state.load(KIND)).values()].map((text) => JSON.parse(text) as StoredToken)
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
  async create(
    role: Role,
    name: string,
    now = Date.now(),
    look: AgentLook = {},
  ): Promise<TokenInfo & { token: string }> {
    const token = randomBytes(24).toString('base64url')
    const info: TokenInfo = {
      id: randomBytes(6).toString('hex'),
      role,
      name,
      ...(look.displayName && { displayName: look.displayName }),
      ...(look.color && { color: look.color }),
      createdAt: now,
    }
    const stored = { ...info, hash: sha256(token) }
    this._stored.push(stored)
    await this._keep(stored)
    return { ...info, token }
  }

  /** Changes how a token's holder shows to visitors; false when there is no such token. `''` clears a field. */
  async setLook(id: string, look: AgentLook): Promise<boolean> {
    const found = this._stored.find((t) => t.id === id)
    if (!found) return false
    for (const key of ['displayName', 'color'] as const) {
      const value = look[key]
      if (value === undefined) continue
      if (value) found[key] = value
      else delete found[key]
    }
    await this._keep(found)
    return true
  }

  /** The look of a token's holder (none for the admin token, which shows as the site's team). */
  lookOf(id: string): AgentLook {
    const found = this._stored.find((t) => t.id === id)
    return found ? { displayName: found.displayName, color: found.color } : {}
  }

  /** Revokes a token; false when there was none with that id. */
  async revoke(id: string): Promise<boolean> {
    const before = this._stored.length
    this._stored = this._stored.filter((t) => t.id !== id)
    if (this._stored.length === before) return false
    if (this._state) await this._state.save(KIND, id, undefined)
    else this._save()
    return true
  }

  /** Saves one token's change: its shared record, or the whole file. */
  private async _keep(token: StoredToken): Promise<void> {
    if (this._state) await this._state.save(KIND, token.id, JSON.stringify(token))
    else this._save()
  }

  private _save(): void {
    if (!this._file) return
    const tmp = this._file + '.tmp'
    writeFileSync(tmp, JSON.stringify({ tokens: this._stored }, null, 2) + '\n', { mode: 0o600 })
    renameSync(tmp, this._file)
  }
}
