import { describe, expect, it } from 'vitest'
import { issueId, issuePath } from './issueId.ts'

describe('issueId', () => {
  it('is the same for the same problem and differs when any part differs', () => {
    const id = issueId('demo', '/checkout', 'button#pay', 'error_click')
    expect(id).toMatch(/^[0-9a-f]{16}$/)
    expect(issueId('demo', '/checkout', 'button#pay', 'error_click')).toBe(id)
    expect(issueId('demo', '/checkout', 'button#pay', 'rage_click')).not.toBe(id)
    expect(issueId('demo', '/cart', 'button#pay', 'error_click')).not.toBe(id)
    expect(issueId('shop', '/checkout', 'button#pay', 'error_click')).not.toBe(id)
  })

  it('groups by path: no origin, query, fragment or trailing slash', () => {
    expect(issuePath('https://shop.example/checkout/?step=2#pay')).toBe('/checkout')
    expect(issuePath('http://localhost:8080/')).toBe('/')
    expect(issuePath('/a/b')).toBe('/a/b')
  })
})
