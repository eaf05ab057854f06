import { gunzip } from 'node:zlib'
import { promisify } from 'node:util'
import { ApiError } from '../ApiError.ts'
import { asError, errorMessage } from '../errorMessage.ts'

const gunzipAsync = promisify(gunzip)

/** Largest beacon body on the wire. The snippet keeps each body ≤ 60 KB; a little slack for encoding. */
export const MAX_BEACON_BYTES = 64 * 1024
/** Largest body once un-gzipped: JSON compresses ~5–10×, a bomb compresses 1000×. */
export const MAX_INFLATED_BYTES = 512 * 1024

/**
 * Reads a beacon body as text, un-gzipping it (within {@link MAX_INFLATED_BYTES}) when sent
 * gzipped; a body over `maxBytes` is refused (413) without being read whole. A body with a
 * Content-Length (what browsers send) is read in one go, the HTTP parser holding it to that
 * length; a chunked one is counted as it streams in.
 */
export async function readBody(
  req: Request,
  limits: { maxBytes: number; maxInflatedBytes: number } = {
    maxBytes: MAX_BEACON_BYTES,
    maxInflatedBytes: MAX_INFLATED_BYTES,
  },
): Promise<string> {
  const { maxBytes, maxInflatedBytes } = limits
  const tooLarge = () => new ApiError(413, `body larger than ${maxBytes} bytes`)
  const length = req.headers.get('content-length')
  let raw: Uint8Array
  if (length !== null && !req.headers.has('transfer-encoding')) {
    if (Number(length) > maxBytes) throw tooLarge()
    raw = await received(req, () => req.arrayBuffer().then((b) => new Uint8Array(b)))
  } else {
    raw = await received(req, () => readCapped(req, maxBytes, tooLarge))
  }
  if (raw.byteLength > maxBytes) throw tooLarge()
  const encoding = (req.headers.get('content-encoding') ?? 'identity').toLowerCase()
  if (encoding === 'identity') return new TextDecoder().decode(raw)
  if (encoding !== 'gzip')
    throw new ApiError(415, `content-encoding ${encoding.slice(0, 20)} not supported: send gzip or none`)
  try {
    const inflated = await gunzipAsync(raw, { maxOutputLength: maxInflatedBytes })
    return inflated.toString('utf8')
  } catch (err) {
    // Node's errors carry `code`; any other value leaves it undefined.
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ApiError(413, `body larger than ${maxInflatedBytes} bytes once un-gzipped`)
    }
    throw new ApiError(400, 'body is not valid gzip')
  }
}

/**
 * The body, or — when the client goes away or is dropped as too slow before
 * sending it all — one short log line and a 400 (which nobody reads: the
 * socket is gone), never a 500 with a stack.
 */
async function received(req: Request, read: () => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await read()
  } catch (err) {
    if (err instanceof ApiError) throw err
    console.warn(
      `wince: ${req.method} ${new URL(req.url).pathname}: request body not received in full (${errorMessage(err) || asError(err).name})`,
    )
    throw new ApiError(400, 'request body not received in full')
  }
}

/** Reads a streamed body, giving up (and cancelling the stream) as soon as it passes `maxBytes`. */
async function readCapped(req: Request, maxBytes: number, tooLarge: () => ApiError): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0)
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      void reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, size)
}
