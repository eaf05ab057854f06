import { describe, expect, it } from 'vitest'
import { pagePath } from './pagePath.ts'

describe('pagePath', () => {
  it('keeps the path and query, drops the origin', () => {
    expect(pagePath('http://localhost:3000/shop/cart')).toBe('/shop/cart')
    expect(pagePath('https://shop.example/search?q=boots')).toBe('/search?q=boots')
    expect(pagePath('https://shop.example')).toBe('/')
  })

  it('returns what is not a URL unchanged', () => {
    expect(pagePath('not a url')).toBe('not a url')
  })
})
