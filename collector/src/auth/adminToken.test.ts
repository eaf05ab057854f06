import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkSession, loadAdminToken, makeSession, safeEqual, SESSION_TTL_MS } from './adminToken.ts'

describe('loadAdminToken', () => {
  it('generates a token once, keeps it private in the data dir, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wince-token-'))
    const first = loadAdminToken(dir)
    expect(first.generated).toBe(true)
    expect(first.token).toMatch(/^[\w-]{32}$/)
    expect(readFileSync(join(dir, 'admin-token'), 'utf8').trim()).toBe(first.token)
    expect(statSync(join(dir, 'admin-token')).mode & 0o777).toBe(0o600)
    expect(loadAdminToken(dir)).toEqual({ token: first.token, generated: false })
  })

  it('prefers WINCE_ADMIN_TOKEN', () => {
    expect(loadAdminToken('/nonexistent', 'from-env')).toEqual({ token: 'from-env', generated: false })
  })
})

describe('sessions', () => {
  it('accepts its own session and refuses forged, expired or other-secret ones', () => {
    const now = 1_800_000_000_000
    const session = makeSession('tok', 'agent1', now)
    expect(checkSession('tok', session, now + 1000)).toBe('agent1')
    expect(checkSession('other', session, now + 1000)).toBeUndefined()
    expect(checkSession('tok', session, now + SESSION_TTL_MS + 1)).toBeUndefined()
    const [issued, , signature] = session.split('.')
    expect(checkSession('tok', `${issued}.admin.${signature}`, now + 1000)).toBeUndefined()
    expect(checkSession('tok', `${Number(issued) + 5}.agent1.${signature}`, now + 1000)).toBeUndefined()
    expect(checkSession('tok', 'garbage', now)).toBeUndefined()
    expect(checkSession('tok', undefined, now)).toBeUndefined()
  })

  it('compares secrets by value', () => {
    expect(safeEqual('abc', 'abc')).toBe(true)
    expect(safeEqual('abc', 'abd')).toBe(false)
    expect(safeEqual('abc', 'abcd')).toBe(false)
  })
})
