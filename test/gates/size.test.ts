import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUDGETS } from '../bench/budgets.ts'
import { fileSize, pageViewSize, SNIPPET_DIST } from '../bench/snippetSizes.ts'

// The core snippet's weight budget, and a default page view's (the core and the chunks
// every page view loads), checked on every test run against the built files that pages
// download (`pnpm test` builds them first), computed from the build: which chunks load by
// default is the boot chunk's rule, and the bench (`pnpm bench --only=weight`) checks it
// against what a real Chromium fetched.
describe('size gate', () => {
  it(`s.js is at most ${BUDGETS.snippetGzipBytes} bytes gzip`, () => {
    const path = join(SNIPPET_DIST, 's.js')
    expect(existsSync(path), `${path} is missing: run \`pnpm --filter ./snippet build\``).toBe(true)
    const { raw, gzip, brotli } = fileSize(path)
    // GNU gzip's level 9 differs from zlib's by a few bytes: the budget holds for both.
    const gnu = execFileSync('gzip', ['-9', '-c', path]).length
    const line = `s.js: ${raw} B raw, ${gzip} B gzip (zlib level 9), ${gnu} B by \`gzip -9\`, ${brotli} B brotli; budget ${BUDGETS.snippetGzipBytes} B gzip, ${BUDGETS.snippetGzipBytes - Math.max(gzip, gnu)} B left`
    console.log(line)
    expect(Math.max(gzip, gnu), line).toBeLessThanOrEqual(BUDGETS.snippetGzipBytes)
  })

  it(`a default page view's Wince scripts are at most ${BUDGETS.pageViewGzipBytes} bytes gzip`, () => {
    const { files, gzip } = pageViewSize()
    const gnu = files.reduce((a, f) => a + execFileSync('gzip', ['-9', '-c', join(SNIPPET_DIST, f.file)]).length, 0)
    const line = `default page view: ${files.map((f) => `${f.file} ${f.gzip}`).join(' + ')} = ${gzip} B gzip (zlib level 9), ${gnu} B by \`gzip -9\`; budget ${BUDGETS.pageViewGzipBytes} B, ${BUDGETS.pageViewGzipBytes - Math.max(gzip, gnu)} B left`
    console.log(line)
    expect(Math.max(gzip, gnu), line).toBeLessThanOrEqual(BUDGETS.pageViewGzipBytes)
  })
})
