import type { ClickHouseClient } from '@clickhouse/client'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { COLLECTOR_DIR } from '../collectorDir.ts'

/**
 * Oldest ClickHouse the schema runs on: server-side query parameters in every
 * clause, DateTime64 with time zones, ReplacingMergeTree without a version
 * column and column TTLs all behave as we rely on from 23.8 (an LTS) onward.
 */
export const MIN_CLICKHOUSE_VERSION = [23, 8] as const

const MIGRATIONS_DIR = join(COLLECTOR_DIR, 'migrations')

/** A start-up failure a user can act on (printed as is, no stack). */
export class StoreError extends Error {
  override name = 'StoreError'
}

/** Throws a {@link StoreError} naming the version needed when the server is older. */
export async function checkVersion(client: ClickHouseClient): Promise<string> {
  let version: string
  try {
    const rs = await client.query({ query: 'SELECT version() AS v', format: 'JSONEachRow' })
    const rows = (await rs.json()) as Array<{ v: string }>
    version = rows[0]?.v ?? ''
  } catch (err) {
    throw new StoreError(`cannot reach ClickHouse: ${(err as Error).message}`)
  }
  const [major = 0, minor = 0] = version.split('.').map(Number)
  const [needMajor, needMinor] = MIN_CLICKHOUSE_VERSION
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    throw new StoreError(
      `ClickHouse ${version} is too old: Wince needs ClickHouse ${needMajor}.${needMinor} or newer`,
    )
  }
  return version
}

/** Applies the numbered `.sql` files in `collector/migrations` not yet recorded, in order. */
export async function migrate(client: ClickHouseClient): Promise<string[]> {
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS wince_migrations (name String, applied_at DateTime DEFAULT now())
            ENGINE = MergeTree ORDER BY name`,
  })
  const rs = await client.query({ query: 'SELECT name FROM wince_migrations', format: 'JSONEachRow' })
  const done = new Set(((await rs.json()) as Array<{ name: string }>).map((r) => r.name))
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_.*\.sql$/.test(f)).sort()
  const applied: string[] = []
  for (const file of files) {
    if (done.has(file)) continue
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8')
    for (const statement of splitStatements(sql)) await client.command({ query: statement })
    await client.insert({ table: 'wince_migrations', values: [{ name: file }], format: 'JSONEachRow' })
    applied.push(file)
  }
  return applied
}

/** Splits a migration on `;` at line ends, dropping `--` comments. */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean)
}
