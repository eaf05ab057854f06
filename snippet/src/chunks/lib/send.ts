import type { Ctx } from '../../ext/Ctx'
import { noop } from '../../core/guard'

/** Bodies up to this size go with `keepalive` (the browser allows 64 KB in flight): they survive the page leaving. */
export const KEEPALIVE_MAX_BYTES = 60_000

/** Gzips a string with CompressionStream, or gives it back as is where there is none. */
export async function gzip(text: string): Promise<[BodyInit, boolean]> {
  if (typeof CompressionStream == 'undefined') return [text, false]
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return [await new Response(stream).arrayBuffer(), true]
}

/**
 * POSTs JSON to the collector with the page's own fetch, gzipped where the browser can
 * (`content-encoding: gzip`, which the collector reads). Never rejects; resolves to
 * whether the collector took it. Nothing is sent unless the core allows sending.
 */
export async function postJson(c: Ctx, url: string, value: unknown, zip = true): Promise<boolean> {
  if (!c.a) return false
  const text = JSON.stringify(value)
  const [body, zipped] = zip ? await gzip(text) : [text, false]
  // gzip answers an ArrayBuffer when it zipped, the text otherwise.
  const size = typeof body == 'string' ? body.length * 3 : (body as ArrayBuffer).byteLength
  // then(ok, fail) resolves to a boolean; the catch is a last guard whose undefined callers read as false.
  return c
    .f(url, {
      method: 'POST',
      body,
      headers: zipped ? { 'content-encoding': 'gzip' } : undefined,
      keepalive: size <= KEEPALIVE_MAX_BYTES,
    })
    .then(
      (r) => r.ok,
      () => false,
    )
    .catch(noop) as Promise<boolean>
}
