import { Hono } from 'hono'
import { serve } from '@hono/node-server'
import { rssSampler, send, threadCpu, type ChildRequest } from './childProtocol.ts'

// The ceiling: a plain Hono app on @hono/node-server that reads each beacon, parses
// it and drops it. Whatever the collector does beyond this is what it costs.
const app = new Hono().post('/v1/collect', async (c) => {
  JSON.parse(await c.req.text())
  return c.body(null, 202)
})
const rss = rssSampler()
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  send({ kind: 'ready', url: `http://localhost:${info.port}` }),
)

process.on('message', (m: ChildRequest) => {
  if (m.kind === 'window') rss.reset()
  if (m.kind === 'window' || m.kind === 'rss') send({ kind: 'rss', ...rss.read() })
  else if (m.kind === 'count') send({ kind: 'counted', signals: 0, pageViews: 0, ...rss.read(), threads: threadCpu() })
  else if (m.kind === 'stop') {
    rss.stop()
    server.close(() => process.exit(0))
  }
})
