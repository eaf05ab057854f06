import { describe, expect, it } from 'vitest'
import { safeText } from './safeText'

describe('safeText', () => {
  it('keeps ordinary words, small numbers and tag-like words', () => {
    expect(safeText('Step 2 of 3: h1 and 2FA')).toBe('Step 2 of 3: h1 and 2FA')
  })

  it('keeps prices: a currency sign or code next to at most seven digits', () => {
    expect(safeText('Pay €129')).toBe('Pay €129')
    expect(safeText('Total 1,299.00 EUR')).toBe('Total 1,299.00 EUR')
    expect(safeText('$ 1299 now')).toBe('$ 1299 now')
  })

  it('scrubs e-mails and personal numbers', () => {
    expect(safeText('Mail jo.doe+1@mail.example.com now')).toBe('Mail @ now')
    expect(safeText('Card 4242 4242 4242 4242')).toBe('Card #')
    expect(safeText('Card 4242-4242-4242-4242 €')).toBe('Card # €')
    expect(safeText('Call +44 20 7946 0958')).toBe('Call #')
    expect(safeText('Order 12345 of 12/05/1990')).toBe('Order # of #')
    expect(safeText('user4711')).toBe('user#')
  })

  it('is idempotent (the collector applies it again)', () => {
    const once = safeText('Pay €129 with 4242 4242 4242 4242 as jo@x.org')
    expect(once).toBe('Pay €129 with # as @')
    expect(safeText(once)).toBe(once)
  })
})
