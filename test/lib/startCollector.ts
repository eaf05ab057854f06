import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readConfig } from '@wince/collector/config'
import { start, type Running } from '@wince/collector/start'

export const E2E_TOKEN = 'e2e-admin-token'

export interface TestCollector extends Running {
  dataDir: string
  /** GET an /api route with the admin token. */
  api<T>(path: string): Promise<T>
}

/** The real collector (real Hono app, chDB in a temp dir) on a loopback port the OS picks. */
export async function startCollector(): Promise<TestCollector> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wince-e2e-'))
  const config = { ...readConfig({}), port: 0, host: '127.0.0.1', dataDir, adminToken: E2E_TOKEN }
  const running = await start(config)
  return {
    ...running,
    dataDir,
    async api<T>(path: string): Promise<T> {
      const res = await fetch(running.url + path, { headers: { authorization: `Bearer ${E2E_TOKEN}` } })
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
      return (await res.json()) as T
    },
    async close() {
      await running.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
