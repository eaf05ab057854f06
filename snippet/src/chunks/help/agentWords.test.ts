import { describe, expect, it } from 'vitest'
import { nextStep } from './agentWords'

describe('asking for an agent: wait only while someone could answer', () => {
  it('waits the time the collector gives while an agent is online', () => {
    expect(nextStep({ agents: 2, wait: 45 }, {})).toEqual({ wait: 45_000 })
  })
  it("falls back to the site's wait, then the default, when the answer has none", () => {
    expect(nextStep({ agents: 1, wait: 0 }, { wait: 20 })).toEqual({ wait: 20_000 })
    expect(nextStep({ agents: 1, wait: 0 }, {})).toEqual({ wait: 60_000 })
  })
  it('falls back at once when no agent is online or the request failed', () => {
    expect(nextStep({ agents: 0, wait: 60 }, {})).toBe('fallback')
    expect(nextStep(undefined, {})).toBe('fallback')
  })
})
