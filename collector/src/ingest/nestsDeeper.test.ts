import { describe, expect, it } from 'vitest'
import { nestsDeeper } from './nestsDeeper.ts'

describe('nestsDeeper', () => {
  it('measures the nesting of arrays and objects, not of brackets in strings', () => {
    expect(nestsDeeper('{"a":[1,{"b":[]}]}', 4)).toBe(false)
    expect(nestsDeeper('{"a":[1,{"b":[]}]}', 3)).toBe(true)
    expect(nestsDeeper(JSON.stringify({ text: '[[[[[[{{{{"\\' }), 1)).toBe(false)
    expect(nestsDeeper(JSON.stringify([['a"]]'], ['b']]), 2)).toBe(false)
  })

  // A recursive walk would overflow the stack here; the scan is a loop (its speed is not
  // timed in a unit test: a shared machine's load would fail it, not the code).
  it('refuses a 2,000,000-deep document without recursing', () => {
    const deep = '['.repeat(2_000_000) + ']'.repeat(2_000_000)
    expect(nestsDeeper(deep, 1_000)).toBe(true)
    expect(nestsDeeper(deep, 2_000_000)).toBe(false)
  })
})
