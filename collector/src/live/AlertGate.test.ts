import { describe, expect, it } from 'vitest'
import { AlertGate, SESSION_ALERT_GAP_MS } from './AlertGate.ts'

describe('AlertGate', () => {
  it('lets 30 new sessions of one address alert in any minute, not 31, and others freely', () => {
    const gate = new AlertGate(30)
    const t0 = 1_800_000_000_000
    let admitted = 0
    // One new session every second for two minutes: 30 in the first minute, then one a second as the oldest leave the window.
    for (let s = 0; s < 120; s++) if (gate.admit(`site/s${s}`, '1.1.1.1', t0 + s * 1000)) admitted++
    expect(admitted).toBe(60)
    let burst = 0
    for (let s = 0; s < 100; s++) if (gate.admit(`site/b${s}`, '2.2.2.2', t0)) burst++
    expect(burst).toBe(30)
    expect(gate.admit('site/other', '3.3.3.3', t0)).toBe(true)
  })

  it('alerts a session once per episode: again only after a minute', () => {
    const gate = new AlertGate(30)
    const t0 = 1_800_000_000_000
    expect(gate.admit('site/s', '1.1.1.1', t0)).toBe(true)
    expect(gate.admit('site/s', '1.1.1.1', t0 + 1_000)).toBe(false)
    expect(gate.admit('site/s', '1.1.1.1', t0 + SESSION_ALERT_GAP_MS - 1)).toBe(false)
    expect(gate.admit('site/s', '1.1.1.1', t0 + SESSION_ALERT_GAP_MS)).toBe(true)
  })
})
