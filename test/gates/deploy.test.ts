import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

// deploy/ is copied by people, not run here (no container runtime on this machine): this keeps
// its variables in step with what the collector reads, so a renamed variable cannot leave it stale.
describe('deploy/', () => {
  const config = read('collector/src/config.ts')
  const readByCollector = (name: string) => config.includes(`env.${name}`)
  /** Read by Caddy or the ClickHouse image, not the collector. */
  const others = new Set(['WINCE_DOMAIN'])

  it("every variable of the env file and the collectors' environment is one the collector reads", () => {
    const env = [...read('deploy/wince.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!)
    const compose = read('deploy/compose.yaml')
    const collectorEnv = [
      ...compose
        .slice(compose.indexOf('environment: &collector-env'), compose.indexOf('depends_on:'))
        .matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm),
    ].map((m) => m[1]!)
    expect(env).toContain('WINCE_ADMIN_TOKEN')
    expect(collectorEnv).toEqual(expect.arrayContaining(['CLICKHOUSE_URL', 'WINCE_REDIS_URL', 'WINCE_DATA_DIR']))
    for (const name of [...env, ...collectorEnv]) expect(readByCollector(name) || others.has(name), name).toBe(true)
  })

  it('the README documents each scaling variable, and the Caddyfile sends to every collector of the compose file', () => {
    const readme = read('README.md')
    for (const name of ['CLICKHOUSE_URL', 'WINCE_REDIS_URL', 'WINCE_CLICKHOUSE_CLUSTER'])
      expect(readme).toContain(`| \`${name}\``)
    const collectors = [...read('deploy/compose.yaml').matchAll(/^ {2}(collector-\w+):$/gm)].map((m) => m[1]!)
    expect(collectors.length).toBeGreaterThanOrEqual(2)
    const caddy = read('deploy/Caddyfile')
    for (const c of collectors) expect(caddy).toContain(`${c}:8080`)
  })
})
