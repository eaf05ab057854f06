import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SharedState } from '../store/SharedState.ts'
import { SESSION_TTL_MS } from './adminToken.ts'

/**
 * Sessions signed out before they expired, kept in `<dataDir>/ended-sessions.json`
 * so a restart does not bring them back. A session cookie is signed, not
 * stored: this list is what lets `POST /logout` end one on the server. Entries
 * are dropped once the session would have expired anyway, so the list stays
 * as small as the number of sign-outs in a week.
 */
export class EndedSessions {
  /** Session signature → when it would have expired (epoch ms). */
  private readonly _until = new Map<string, number>()
  private readonly _file: string | undefined

  private _state: SharedState | undefined

  constructor(dataDir?: string) {
    this._file = dataDir && join(dataDir, 'ended-sessions.json')
    if (this._file && existsSync(this._file)) {
      // Our own file, written by _save below in this shape; `ended` is read defensively.
      const saved = JSON.parse(readFileSync(this._file, 'utf8')) as { ended?: Record<string, number> }
      for (const [key, until] of Object.entries(saved.ended ?? {})) this._until.set(key, until)
    }
  }

  /** Sign-outs every collector of one ClickHouse server shares (a cookie ended on one is ended on all). */
  static async fromState(state: SharedState): Promise<EndedSessions> {
    const ended = new EndedSessions()
    ended._state = state
    await ended.reload()
    state.watch(KIND, () => ended.reload())
    return ended
  }

  /** Reads the shared sign-outs again. */
  async reload(): Promise<void> {
    if (!this._state) return
    const now = Date.now()
    for (const [key, until] of await this._state.load(KIND))
      if (Number(until) >= now) this._until.set(key, Number(until))
  }

  /** Ends the session of a cookie value (`issuedAt.tokenId.signature`). */
  async end(cookie: string, now = Date.now()): Promise<void> {
    const issued = Number(cookie.split('.')[0])
    this._prune(now)
    const until = (Number.isFinite(issued) ? issued : now) + SESSION_TTL_MS
    this._until.set(keyOf(cookie), until)
    if (this._state) await this._state.save(KIND, keyOf(cookie), String(until))
    else this._save()
  }

  /** Whether this cookie's session was ended. */
  has(cookie: string): boolean {
    return this._until.has(keyOf(cookie))
  }

  private _prune(now: number): void {
    for (const [key, until] of this._until) if (until < now) this._until.delete(key)
  }

  private _save(): void {
    if (!this._file) return
    const tmp = this._file + '.tmp'
    writeFileSync(tmp, JSON.stringify({ ended: Object.fromEntries(this._until) }) + '\n', { mode: 0o600 })
    renameSync(tmp, this._file)
  }
}

/** The `shared_state` kind of sign-outs. */
const KIND = 'ended-session'

/** The signature identifies a session: unique, and not the whole secret cookie on disk. */
function keyOf(cookie: string): string {
  return cookie.slice(cookie.lastIndexOf('.') + 1)
}
