import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { sign, WebhookSender } from './WebhookSender.ts'
import type { Alert } from '../live/LiveMessage.ts'
import type { Site } from '../sites/Sites.ts'

const SECRET = 'a-webhook-secret-of-some-length'
const alert = (i: number, path = '/checkout'): Alert => ({
  id: `al${i}`,
  site: 'shop',
  session: `s${i}`,
  pageView: `pv${i}`,
  url: `https://shop.example${path}`,
  ts: Date.now(),
  score: 9,
  reasons: [{ type: 'rage_click', sel: 'button#pay', lb: 'button', t: Date.now(), n: 5, pts: 6 }],
})

let server: Server | undefined
let sender: WebhookSender | undefined
afterEach(() => {
  sender?.close()
  server?.close()
})

/** A hook receiver that records each POST (time, body, signature) and answers `status`. */
async function receiver(status = () => 204) {
  const posts: Array<{ at: number; body: string; signature: string }> = []
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d))
    req.on('end', () => {
      // When the sender started the POST (its timestamp header): arrival times add the connection's jitter.
      posts.push({
        at: Number(req.headers['x-wince-timestamp']),
        body,
        signature: String(req.headers['x-wince-signature']),
      })
      res.writeHead(status()).end()
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const site = {
    id: 'shop',
    origins: [],
    webhooks: [{ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, secret: SECRET }],
  } as unknown as Site
  return { posts, site }
}

const until = async (ok: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 10))
}

describe('WebhookSender', () => {
  it('sends the first alert at once, then one signed digest per window for a flood', async () => {
    const { posts, site } = await receiver()
    // A window long beside any delay a loaded machine adds, so "at once" and "one per
    // window" stay distinguishable without timing the machine.
    const windowMs = 2_000
    sender = new WebhookSender({ windowMs })
    const started = Date.now()
    sender.send(alert(0), site)
    for (let i = 1; i < 100; i++) sender.send(alert(i, i % 3 ? '/checkout' : '/basket'), site)
    await until(() => posts.length >= 2, 4 * windowMs)
    await new Promise((r) => setTimeout(r, 600)) // nothing more may come
    expect(posts).toHaveLength(2)
    expect(posts[0]!.at - started).toBeLessThan(windowMs)
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(windowMs - 1)
    for (const p of posts) expect(p.signature).toBe(`sha256=${sign(SECRET, p.body)}`)
    const first = JSON.parse(posts[0]!.body) as { text: string; count: number; alerts: Alert[]; alert: Alert }
    expect(first).toMatchObject({
      count: 1,
      alert: { id: 'al0' },
      text: 'Visitor struggling on /checkout: rage click ×5 on button#pay (score 9)',
    })
    const digest = JSON.parse(posts[1]!.body) as { text: string; count: number; alerts: Alert[]; alert: Alert }
    expect(digest.count).toBe(99)
    expect(digest.alerts).toHaveLength(20)
    expect(digest.alert.id).toBe('al1')
    expect(digest.text).toBe('99 visitors struggling on shop: /checkout ×14, /basket ×6, 79 more')
    expect(sender.deliveries('shop').map((d) => d.alerts)).toEqual([99, 1])
  })

  it('keeps retries within one POST per window', async () => {
    let n = 0
    const { posts, site } = await receiver(() => (++n === 1 ? 503 : 204))
    sender = new WebhookSender({ windowMs: 300, retryMs: [10] })
    sender.send(alert(0), site)
    await until(() => posts.length >= 2)
    expect(posts).toHaveLength(2)
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(299)
    expect(posts[1]!.body).toBe(posts[0]!.body)
    // The receiver sees the POST before the sender has read its answer.
    await until(() => sender?.deliveries()[0]?.state === 'delivered')
    expect(sender.deliveries()[0]).toMatchObject({ state: 'delivered', attempts: 2 })
  })
})
