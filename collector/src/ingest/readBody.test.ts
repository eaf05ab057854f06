import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../ApiError.ts'
import { readBody } from './readBody.ts'

afterEach(() => vi.restoreAllMocks())

/** A request whose body breaks off after a first chunk, as when the client goes away or the server drops it as too slow. */
function brokenRequest(withLength: boolean): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"v":1,'))
      setTimeout(() => controller.error(new Error('aborted')), 5)
    },
  })
  return new Request('http://collector.test/v1/collect', {
    method: 'POST',
    body,
    duplex: 'half',
    headers: withLength ? { 'content-length': '1000' } : {},
  } as RequestInit)
}

describe('readBody', () => {
  for (const withLength of [true, false]) {
    it(`answers a body broken off ${withLength ? 'with' : 'without'} a Content-Length with a 400 and one short log line`, async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const failure = await readBody(brokenRequest(withLength)).catch((err: unknown) => err)
      expect(failure).toBeInstanceOf(ApiError)
      expect((failure as ApiError).status).toBe(400)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]![0])).toBe(
        'wince: POST /v1/collect: request body not received in full (aborted)',
      )
      expect(error).not.toHaveBeenCalled()
    })
  }
})
