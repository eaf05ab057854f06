import { connect } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readBody } from '../ingest/readBody.ts'
import { ApiError } from '../ApiError.ts'
import { dropSlowClients } from './dropSlowClients.ts'

let server: ServerType
let port = 0
beforeAll(async () => {
  const app = new Hono()
  app.onError((err, c) => (err instanceof ApiError ? err.toResponse() : c.json({ error: 'internal error' }, 500)))
  app.post('/v1/collect', async (c) => c.text(`read ${(await readBody(c.req.raw)).length}`))
  server = await new Promise<ServerType>((resolve) => {
    // The server checks its timeouts every connectionsCheckingInterval (30 s by default): short here.
    const s = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: { connectionsCheckingInterval: 50 } },
      () => resolve(s),
    )
  })
  dropSlowClients(server, 300, 600)
  port = (server.address() as { port: number }).port
})
afterAll(() => {
  server?.close()
})

/** Sends `parts` (strings, or pauses in ms) on a raw socket; resolves with what came back and when the server closed it. */
function slowClient(parts: Array<string | number>): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.on('data', (d) => (answer += d))
    socket.on('error', () => {})
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }))
    void (async () => {
      for (const part of parts) {
        if (socket.destroyed) return
        if (typeof part === 'number') await new Promise((r) => setTimeout(r, part))
        else socket.write(part)
      }
    })()
  })
}

describe('dropSlowClients', () => {
  it('drops a client that trickles its headers', async () => {
    const { answer, closedAfterMs } = await slowClient([
      'POST /v1/collect HTTP/1.1\r\nHost: x\r\n',
      3_000,
      'X-More: 1\r\n',
    ])
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
    expect(closedAfterMs).toBeLessThan(2_000)
  })

  it('drops a client that stalls in its body, with one short log line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { closedAfterMs } = await slowClient([
      'POST /v1/collect HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"v":1,',
      3_000,
      'x',
    ])
    expect(closedAfterMs).toBeLessThan(2_000)
    await new Promise((r) => setTimeout(r, 100))
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      'wince: POST /v1/collect: request body not received in full (aborted)',
    ])
    expect(error).not.toHaveBeenCalled()
    warn.mockRestore()
    error.mockRestore()
  })

  it('still serves a client in time', async () => {
    const body = '{"v":1}'
    const { answer } = await slowClient([
      `POST /v1/collect HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`,
      100,
      body,
    ])
    expect(answer).toMatch(/^HTTP\/1\.1 200[\s\S]*read 7$/)
  })
})
