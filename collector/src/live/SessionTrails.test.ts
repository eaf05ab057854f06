import { describe, expect, it } from 'vitest'
import { SessionTrails, referrerHost } from './SessionTrails.ts'

describe('SessionTrails', () => {
  it('keeps the entry page, the host the visitor came from, the page count and the start', () => {
    const trails = new SessionTrails()
    trails.page('shop', 's1', 'pv1', 'https://shop.example/', 1_000, 'https://www.google.com')
    trails.page('shop', 's1', 'pv2', 'https://shop.example/checkout', 5_000, 'https://shop.example/')
    trails.page('shop', 's1', 'pv2', 'https://shop.example/checkout', 5_000, 'https://shop.example/')
    expect(trails.get('shop', 's1')).toMatchObject({
      entry: 'https://shop.example/',
      referrer: 'www.google.com',
      pages: 2,
      startedAt: 1_000,
    })
  })

  it('names no referrer for a visitor who came from the site itself, or from nowhere', () => {
    expect(referrerHost('https://shop.example/a', 'https://shop.example')).toBe('')
    expect(referrerHost('https://shop.example/a', undefined)).toBe('')
    expect(referrerHost('https://shop.example/a', 'not a url')).toBe('')
    expect(referrerHost('https://shop.example/a', 'https://news.example/story/123')).toBe('news.example')
  })
})
