import { describe, expect, it } from 'vitest'
import { dismissed, shouldPrompt, shown } from './promptState'

describe('help prompt: once per episode, never after a dismiss', () => {
  it('shows for a new episode when help is enabled', () => {
    expect(shouldPrompt({}, 'a', true)).toBe(true)
    expect(shouldPrompt({}, 'a', false)).toBe(false)
    expect(shouldPrompt({}, 'a', undefined)).toBe(false)
  })

  it('shows at most once per episode, again for the next one', () => {
    const s = shown({}, 'a')
    expect(shouldPrompt(s, 'a', true)).toBe(false)
    expect(shouldPrompt(s, 'b', true)).toBe(true)
  })

  it('never shows again in the session once dismissed', () => {
    const s = dismissed(shown({}, 'a'))
    expect(shouldPrompt(s, 'b', true)).toBe(false)
    expect(shouldPrompt(shown(s, 'c'), 'd', true)).toBe(false)
  })
})
