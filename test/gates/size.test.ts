import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUDGETS } from '../bench/budgets.ts'
import { fileSize, SNIPPET_DIST } from '../bench/snippetSizes.ts'

// The core snippet's weight budget, checked on every test run against the file that
// pages download (`pnpm test` builds it first). Lazy chunks do not count.
describe('size gate', () => {
  it(`s.js is at most ${BUDGETS.snippetGzipBytes} bytes gzip`, () => {
    const path = join(SNIPPET_DIST, 's.js')
    expect(existsSync(path), `${path} is missing: run \`pnpm --filter ./snippet build\``).toBe(true)
    const { raw, gzip, brotli } = fileSize(path)
    const line = `s.js: ${raw} B raw, ${gzip} B gzip (level 9), ${brotli} B brotli; budget ${BUDGETS.snippetGzipBytes} B gzip, ${BUDGETS.snippetGzipBytes - gzip} B left`
    console.log(line)
    expect(gzip, line).toBeLessThanOrEqual(BUDGETS.snippetGzipBytes)
  })
})
