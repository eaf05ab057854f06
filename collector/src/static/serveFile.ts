import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

/** Types worth compressing: text. Images are compressed already. */
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt'])

/** Bodies under this many bytes go as they are: headers would eat the saving. */
const COMPRESS_MIN = 512

export type Encoding = 'br' | 'gzip'

/** Files up to this size get brotli's best (slow) quality. */
const BROTLI_MAX_FOR_SMALL = 64 * 1024

// Compressed once per file and encoding and kept: a page view is then a memory read, not
// a compression. Zlib's async calls run on libuv's pool, off the event loop, but that pool
// also does the write-ahead log's file work: brotli's top quality only for files up to
// BROTLI_MAX_FOR_SMALL (the snippet's page-view scripts: 13 ms for s.js, 3,639 B), a quick
// quality above it (3 ms instead of ~210 ms for the 195 KB recorder, 9 % larger, still a
// third smaller than gzip).
// Node's zlib rather than Hono's `compress` middleware: that one compresses each
// response again, and offers gzip and deflate only, no brotli.
const compressors: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: body.length <= BROTLI_MAX_FOR_SMALL ? constants.BROTLI_MAX_QUALITY : 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: constants.Z_BEST_COMPRESSION }),
}

/** Most compressed bodies kept: more than the snippet's and the dashboard's files together. */
const CACHE_MAX = 256
const cache = new Map<string, Promise<Buffer | undefined>>()

/**
 * The encoding to send for an `Accept-Encoding` header: brotli, else gzip, when the
 * browser accepts it (`q` above 0, by name or by `*`); `undefined` for the body as it is.
 */
export function pickEncoding(accept: string | undefined): Encoding | undefined {
  if (!accept) return undefined
  const q = new Map<string, number>()
  for (const part of accept.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    if (!name) continue
    const weight = params.find((p) => p.startsWith('q='))
    const value = weight === undefined ? 1 : Number(weight.slice(2))
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  const ok = (e: Encoding) => (q.get(e) ?? q.get('*') ?? 0) > 0
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined
}

/**
 * Answers a file under `root`, or `undefined` when there is none. A path that
 * climbs out of `root` is treated as missing. A directory serves its index.html.
 * Text is sent compressed when `accept` (the request's `Accept-Encoding`) allows,
 * with `Vary: Accept-Encoding` so caches keep one copy per encoding.
 */
export async function serveFile(
  root: string,
  path: string,
  headers: Record<string, string> = {},
  accept?: string,
): Promise<Response | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  let file = normalize(join(root, decoded))
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(file)
    if (info.isDirectory()) {
      file = join(file, 'index.html')
      info = await stat(file)
    }
  } catch {
    return undefined
  }
  const ext = extname(file)
  const type = { 'content-type': TYPES[ext] ?? 'application/octet-stream' }
  const encoding = TEXT.has(ext) && info.size >= COMPRESS_MIN ? pickEncoding(accept) : undefined
  // A kept compression is sent without reading the file again: s.js is asked for on every page view.
  const packed =
    encoding &&
    (await compressed(`${file}\0${info.mtimeMs}\0${info.size}\0${encoding}`, () => readFile(file), encoding))
  let body: Buffer
  try {
    body = packed || (await readFile(file))
  } catch {
    return undefined
  }
  if (!TEXT.has(ext)) return new Response(body, { headers: { ...type, ...headers } })
  return new Response(body, {
    headers: { ...type, ...(packed && { 'content-encoding': encoding }), vary: 'Accept-Encoding', ...headers },
  })
}

/**
 * The kept compressed body for `key` (a file as it is on disk, and an encoding), loaded and
 * compressed on first use; `undefined` when that failed (the body goes as it is, and the next
 * request tries again).
 */
function compressed(key: string, load: () => Promise<Buffer>, encoding: Encoding): Promise<Buffer | undefined> {
  let hit = cache.get(key)
  if (!hit) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!)
    hit = load()
      .then((body) => compressors[encoding](body))
      .catch(() => {
        cache.delete(key)
        return undefined
      })
    cache.set(key, hit)
  }
  return hit
}
