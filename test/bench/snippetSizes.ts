import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** The snippet's build output. */
export const SNIPPET_DIST = fileURLToPath(new URL('../../snippet/dist/', import.meta.url))

export interface FileSize {
  file: string
  raw: number
  gzip: number
  brotli: number
}

/** gzip at level 9: deterministic for the same input and zlib, so the gate never flaps. */
export const gzipSize = (data: Uint8Array): number => gzipSync(data, { level: 9 }).length

/** brotli at its best quality, as a CDN would pre-compress a static file. */
export const brotliSize = (data: Uint8Array): number =>
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length

/** Raw, gzip and brotli sizes of one file. */
export function fileSize(path: string): FileSize {
  const data = readFileSync(path)
  return { file: path.split('/').pop()!, raw: data.length, gzip: gzipSize(data), brotli: brotliSize(data) }
}

/**
 * `s.js` first, then every lazily loaded chunk by name: the other `.js` files of the dist
 * folder, without the content-hashed copies the collector serves (`boot` as `<hash>.js`,
 * the others as `<name>.<hash>.js`), which are the same bytes. `wince.mjs` is the ESM
 * build for bundlers, not shipped to pages as is.
 */
export function snippetSizes(dir = SNIPPET_DIST): { core: FileSize; chunks: FileSize[] } {
  const chunks = readdirSync(dir)
    .filter((f) => /^[a-z]+\.js$/.test(f) && f !== 's.js')
    .sort()
    .map((f) => fileSize(join(dir, f)))
  return { core: fileSize(join(dir, 's.js')), chunks }
}

/**
 * Chunks a default page view loads besides `s.js`, on a page whose snapshot is stored:
 * the boot chunk alone. The others wait for a reason: `forms` a focused field, `vitals` the
 * sampled share (after idle), `text` a site that allows text in labels, `snap` a page with no snapshot, `rec` a struggle or a session
 * sampled to record `always`, `help` a struggle.
 */
export const DEFAULT_CHUNKS = ['boot'] as const

/** What a default page view fetches of Wince, gzip level 9: the core and {@link DEFAULT_CHUNKS}. */
export function pageViewSize(dir = SNIPPET_DIST): { files: FileSize[]; gzip: number } {
  const files = [fileSize(join(dir, 's.js')), ...DEFAULT_CHUNKS.map((n) => fileSize(join(dir, `${n}.js`)))]
  return { files, gzip: files.reduce((a, f) => a + f.gzip, 0) }
}
