import { mkdtempSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Spool, type SpoolBatch } from './Spool.ts'

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `r${from + i}` }))

describe('Spool', () => {
  it('replays what was appended, oldest first, then is empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wince-spool-'))
    const spool = new Spool({ dir, segmentBytes: 200 })
    for (let i = 0; i < 5; i++) spool.append([{ table: 'signals', rows: rows(3, i * 3) }])
    await spool.syncAll()
    expect(spool.segments().length).toBeGreaterThan(1)
    spool.seal()
    const seen: string[] = []
    expect(
      await spool.replay(async (b) => void seen.push(...b.rows.map((r) => (JSON.parse(r) as { id: string }).id))),
    ).toBe(15)
    expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => `r${i}`))
    expect(spool.segments()).toEqual([])
    expect(spool.bytes).toBe(0)
  })

  it('keeps a segment whose replay failed, and survives a reopen (a restart)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wince-spool-'))
    const first = new Spool({ dir })
    first.append([{ table: 'alerts', rows: rows(2) }])
    await first.syncAll()
    first.seal()
    await expect(first.replay(async () => Promise.reject(new Error('store down')))).rejects.toThrow('store down')
    // A crash: the process is gone without close(); a torn last line was never acknowledged.
    appendFileSync(join(dir, first.segments()[0]!), '{"table":"alerts","ro')
    const second = new Spool({ dir })
    const got: SpoolBatch[] = []
    expect(await second.replay(async (b) => void got.push(b))).toBe(2)
    expect(got).toEqual([{ table: 'alerts', rows: rows(2) }])
  })

  it('refuses appends past its cap and says so once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wince-spool-'))
    const messages: string[] = []
    const spool = new Spool({ dir, maxBytes: 100, onFull: (m) => messages.push(m) })
    expect(spool.append([{ table: 'signals', rows: rows(2) }])).toBe(true)
    expect(spool.append([{ table: 'signals', rows: rows(10) }])).toBe(false)
    expect(spool.append([{ table: 'signals', rows: rows(10) }])).toBe(false)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/^spool full \(\d+ of 100 bytes in .*\): refusing new events until the store is back$/)
  })
})
