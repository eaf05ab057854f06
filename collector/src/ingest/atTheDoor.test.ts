import { describe, expect, it } from 'vitest'
import { safeLabel, scrubSelector } from './atTheDoor.ts'

const textOn = { id: 'shop', origins: [], allowText: true }
const textOff = { id: 'shop', origins: [] }

describe('selectors at the door', () => {
  it('keeps tag names and positions, scrubs digits in ids, classes and attribute values', () => {
    expect(scrubSelector('main#main>h1.title')).toBe('main#main>h1.title')
    expect(scrubSelector('ul>li:nth-of-type(12)>h2')).toBe('ul>li:nth-of-type(12)>h2')
    expect(scrubSelector('div#user-4711>a.row-12[data-testid="order-99"]')).toBe(
      'div#user-#>a.row-#[data-testid="order-#"]',
    )
    expect(scrubSelector('div.user-jane@doe.com>button:nth-of-type(2)')).toBe('@>button:nth-of-type(2)')
  })
})

describe('labels at the door', () => {
  it('keeps only the role when the site does not allow text', () => {
    expect(safeLabel('button Pay €129', textOff)).toBe('button')
    expect(safeLabel('heading Welcome', textOff)).toBe('heading')
    expect(safeLabel('Jane Example', textOff)).toBe('')
  })

  it('keeps words and prices when it does, never e-mails or personal numbers', () => {
    expect(safeLabel('button Pay €129', textOn)).toBe('button Pay €129')
    expect(safeLabel('heading Step 2 of 3', textOn)).toBe('heading Step 2 of 3')
    expect(safeLabel('button Pay with 4242 4242 4242 4242 as jo@x.org', textOn)).toBe('button Pay with # as @')
  })
})
