import { describe, expect, it } from 'vitest'
import { DEMO_SITE, matchOrigin, Sites } from './Sites.ts'

describe('matchOrigin', () => {
  it('matches an exact origin or any port of a wildcard one', () => {
    expect(matchOrigin('https://shop.example', 'https://shop.example')).toBe(true)
    expect(matchOrigin('http://localhost:*', 'http://localhost:5173')).toBe(true)
    expect(matchOrigin('http://localhost:*', 'http://localhost')).toBe(true)
  })

  it('refuses look-alikes', () => {
    expect(matchOrigin('https://shop.example', 'https://shop.example.evil.io')).toBe(false)
    expect(matchOrigin('http://localhost:*', 'http://localhost.evil.io:80')).toBe(false)
    expect(matchOrigin('http://localhost:*', 'http://localhost:80@evil.io')).toBe(false)
    expect(matchOrigin('http://localhost:*', 'https://localhost:443')).toBe(false)
  })
})

describe('Sites', () => {
  it('has the demo site accepting localhost origins only', () => {
    const sites = new Sites()
    const demo = sites.get('demo')!
    expect(demo).toEqual(DEMO_SITE)
    expect(sites.allows(demo, 'http://127.0.0.1:8080')).toBe(true)
    expect(sites.allows(demo, 'http://[::1]:3000')).toBe(true)
    expect(sites.allows(demo, 'https://example.com')).toBe(false)
    expect(sites.get('other')).toBeUndefined()
  })
})
