import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import type { PageDirs } from './routes/pages.ts'
import type { Rate } from './ingest/state/RateLimiter.ts'

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))

/** Everything the collector reads from its environment, with defaults. */
export interface Config {
  /** `PORT`, default 8080. */
  port: number
  /** `HOST`, default all interfaces (`0.0.0.0`) so other devices can reach the snippet. */
  host: string
  /** `WINCE_DATA_DIR`, default `./data`. */
  dataDir: string
  /** `WINCE_ADMIN_TOKEN`; when unset one is generated once and kept in the data dir. */
  adminToken?: string | undefined
  /** `WINCE_SITES`: a JSON file of sites and their origins; default just the `demo` site. */
  sitesFile?: string | undefined
  /** `CLICKHOUSE_URL` (+ `CLICKHOUSE_USER`, `CLICKHOUSE_PASSWORD`, `CLICKHOUSE_DATABASE`): use a server, not chDB. */
  clickhouse?:
    | { url: string; username?: string | undefined; password?: string | undefined; database?: string | undefined }
    | undefined
  /** `WINCE_REDIS_URL` (e.g. `redis://127.0.0.1:6379`): share the live bus and the rate limits with other collectors through Redis. */
  redisUrl?: string | undefined
  /** `WINCE_CLICKHOUSE_CLUSTER`: the ClickHouse cluster to create the schema on (replicated, distributed tables); needs `CLICKHOUSE_URL`. */
  cluster?: string | undefined
  /** `WINCE_SPOOL_MAX_BYTES`: the on-disk spool's cap while the store is down (default 1 GiB). */
  spoolMaxBytes?: number | undefined
  /** `WINCE_IP_RATE` as `rate/burst` events per second per IP, a beacon costing its events (default 1000/5000). */
  ipRate?: Rate | undefined
  /** `WINCE_ALERTS_PER_IP`: new alerts a minute per IP; the excess is kept, not alerted (default 30). */
  alertsPerIp?: number | undefined
  /** `WINCE_LIVE_PER_IP` / `WINCE_LIVE_MAX`: open visitor channels per IP and in all (default 50 / 5,000). */
  livePerIp?: number | undefined
  liveMax?: number | undefined
  /** `WINCE_UPLOAD_RATE` / `WINCE_UPLOAD_SITE_RATE` (`rate/burst` snapshots and replay runs a second per IP / per site, default 2/30 and 50/500) and `WINCE_UPLOAD_QUOTA_MB` (per site per UTC day, default 2048). */
  uploadIpRate?: Rate | undefined
  uploadSiteRate?: Rate | undefined
  uploadQuotaBytes?: number | undefined
  /** `WINCE_TRUST_PROXY=1`: take the client IP from X-Forwarded-For. */
  trustProxy: boolean
  dirs: PageDirs
}

/** Reads the config from an environment (default `process.env`). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT: expected a port number, got "${env.PORT}"`)
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.WINCE_DATA_DIR ?? 'data'),
    adminToken: env.WINCE_ADMIN_TOKEN || undefined,
    sitesFile: env.WINCE_SITES || undefined,
    clickhouse: env.CLICKHOUSE_URL
      ? {
          url: env.CLICKHOUSE_URL,
          username: env.CLICKHOUSE_USER,
          password: env.CLICKHOUSE_PASSWORD,
          database: env.CLICKHOUSE_DATABASE,
        }
      : undefined,
    redisUrl: env.WINCE_REDIS_URL || undefined,
    cluster: cluster(env),
    spoolMaxBytes: positive('WINCE_SPOOL_MAX_BYTES', env.WINCE_SPOOL_MAX_BYTES),
    ipRate: rate('WINCE_IP_RATE', env.WINCE_IP_RATE),
    alertsPerIp: positive('WINCE_ALERTS_PER_IP', env.WINCE_ALERTS_PER_IP),
    livePerIp: positive('WINCE_LIVE_PER_IP', env.WINCE_LIVE_PER_IP),
    liveMax: positive('WINCE_LIVE_MAX', env.WINCE_LIVE_MAX),
    uploadIpRate: rate('WINCE_UPLOAD_RATE', env.WINCE_UPLOAD_RATE),
    uploadSiteRate: rate('WINCE_UPLOAD_SITE_RATE', env.WINCE_UPLOAD_SITE_RATE),
    uploadQuotaBytes: mb(positive('WINCE_UPLOAD_QUOTA_MB', env.WINCE_UPLOAD_QUOTA_MB)),
    trustProxy: env.WINCE_TRUST_PROXY === '1' || env.WINCE_TRUST_PROXY === 'true',
    dirs: {
      snippet: repo('snippet/dist'),
      dashboard: repo('dashboard/dist'),
      demo: repo('collector/demo'),
    },
  }
}

function cluster(env: NodeJS.ProcessEnv): string | undefined {
  const name = env.WINCE_CLICKHOUSE_CLUSTER
  if (!name) return undefined
  if (!env.CLICKHOUSE_URL)
    throw new Error(
      'WINCE_CLICKHOUSE_CLUSTER: a cluster needs a ClickHouse server (CLICKHOUSE_URL); the embedded store is one node',
    )
  // It is written into DDL as an identifier: no quoting games.
  if (!/^[A-Za-z_][\w]{0,63}$/.test(name))
    throw new Error(`WINCE_CLICKHOUSE_CLUSTER: expected a cluster name (letters, digits, _), got "${name}"`)
  return name
}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}: expected a positive number, got "${value}"`)
  return n
}

const mb = (n: number | undefined) => (n === undefined ? undefined : n * 1024 ** 2)

function rate(name: string, value: string | undefined): Rate | undefined {
  if (value === undefined || value === '') return undefined
  const [r, b] = value.split('/')
  const perSecond = positive(name, r)
  const burst = positive(name, b ?? r)
  // An empty part (`5/`, `/5`): not a rate, though each part alone would pass.
  if (perSecond === undefined || burst === undefined)
    throw new Error(`${name}: expected <per second>/<burst> or <per second>, got "${value}"`)
  return { rate: perSecond, burst }
}
