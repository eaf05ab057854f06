import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A free loopback port, picked by the OS. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

// The README's command, as a user runs it: `pnpm start`, then the URLs it prints.
describe('quick start: pnpm start', () => {
  let child: ChildProcess
  let output = ''
  let dataDir: string
  let port: number

  beforeAll(async () => {
    port = await freePort()
    dataDir = mkdtempSync(join(tmpdir(), 'wince-quickstart-'))
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', WINCE_DATA_DIR: dataDir }
    delete env.WINCE_ADMIN_TOKEN
    child = spawn('pnpm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/dashboard: http:\/\/\S+\?token=\S+/.test(output)) {
          clearInterval(timer)
          resolve()
        } else if (child.exitCode !== null) {
          clearInterval(timer)
          reject(new Error(`pnpm start exited ${child.exitCode}:\n${output}`))
        }
      }, 100)
    })
  }, 120_000)

  afterAll(async () => {
    // pnpm starts the server as a child: end the whole group we started, by its id.
    if (child?.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('prints the dashboard URL with a generated admin token', () => {
    expect(output).toMatch(new RegExp(`Wince is running on http://localhost:${port} \\(embedded ClickHouse \\d+\\.`))
    expect(output).toMatch(/\(new admin token, kept in the data dir\)/)
  })

  it('serves the minified snippet at /s.js', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/s.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    const body = await res.text()
    expect(body.length).toBeGreaterThan(1000)
    expect(body.split('\n').length).toBeLessThan(5)
  })

  it('sends /s.js compressed as the browser accepts it: brotli, else gzip, within the gzip budget on the wire', async () => {
    // Raw bytes on the wire (fetch would decode them): what a visitor downloads.
    const wire = (accept: string) =>
      new Promise<{ encoding?: string; vary?: string; bytes: number }>((resolve, reject) => {
        get(`http://127.0.0.1:${port}/s.js`, { headers: { 'accept-encoding': accept } }, (res) => {
          let bytes = 0
          res.on('data', (d: Buffer) => (bytes += d.length))
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], vary: res.headers.vary, bytes }))
        }).on('error', reject)
      })
    const br = await wire('gzip, deflate, br, zstd')
    const gz = await wire('gzip, deflate')
    const plain = await wire('identity')
    console.log(`/s.js on the wire (body bytes): br ${br.bytes}, gzip ${gz.bytes}, identity ${plain.bytes}`)
    expect([br.encoding, gz.encoding, plain.encoding]).toEqual(['br', 'gzip', undefined])
    expect(br.vary).toMatch(/accept-encoding/i)
    expect(gz.bytes).toBeLessThanOrEqual(4096)
    expect(br.bytes).toBeLessThan(gz.bytes)
    expect(plain.bytes).toBeGreaterThan(gz.bytes * 1.5)
  })

  it('serves the dashboard at / behind the printed token link', async () => {
    const anonymous = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' })
    expect(anonymous.status).toBe(302)
    const link = /dashboard: (http:\/\/\S+)/.exec(output)![1]!.replace('localhost', '127.0.0.1')
    const login = await fetch(link, { redirect: 'manual' })
    expect(login.status).toBe(302)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/<div id="app">|<script type="module"/)
  })

  it('serves the demo shop at /demo/', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/demo/`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<script async src="/s.js" data-site="demo"></script>')
    expect(html).toContain('id="wishlist"')
  })
})
