import { describe, expect, it } from 'vitest'
import { nestsDeeper } from './nestsDeeper.ts'

describe('nestsDeeper', () => {
  it('measures the nesting of arrays and objects, not of brackets in strings', () => {
    expect(nestsDeeper('{"a":[1,{"b":[]}]}', 4)).toBe(false)
    expect(nestsDeeper('{"a":[1,{"b":[]}]}', 3)).toBe(true)
    expect(nestsDeeper(JSON.stringify({ text: '[[[[[[{{{{"\\' }), 1)).toBe(false)
    expect(nestsDeeper(JSON.stringify([['a"]]'], ['b']]), 2)).toBe(false)
  })

  it('refuses a 2,000,000-deep document in one quick pass', () => {
    const deep = '['.repeat(2_000_000) + ']'.repeat(2_000_000)
    const started = performance.now()
    expect(nestsDeeper(deep, 1_000)).toBe(true)
    expect(performance.now() - started).toBeLessThan(100)
  })
})
