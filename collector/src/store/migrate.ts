import type { ClickHouseClient } from '@clickhouse/client'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { COLLECTOR_DIR } from '../collectorDir.ts'
import { insertAppliedMigration } from '../queries/insertAppliedMigration.ts'
import { queryAppliedMigrations } from '../queries/queryAppliedMigrations.ts'
import { queryServerVersion } from '../queries/queryServerVersion.ts'
import { MigrationLease } from './MigrationLease.ts'
import { renderForCluster, type ClusterSchema } from './renderForCluster.ts'
import { errorMessage } from '../errorMessage.ts'

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
    version = await queryServerVersion(client)
  } catch (err) {
    throw new StoreError(`cannot reach ClickHouse: ${errorMessage(err)}`)
  }
  const [major = 0, minor = 0] = version.split('.').map(Number)
  const [needMajor, needMinor] = MIN_CLICKHOUSE_VERSION
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    throw new StoreError(`ClickHouse ${version} is too old: Wince needs ClickHouse ${needMajor}.${needMinor} or newer`)
  }
  return version
}

export interface MigrateOptions {
  /** `WINCE_CLICKHOUSE_CLUSTER`: render every statement for this cluster (see `renderForCluster`). */
  cluster?: string | undefined
  /** The migrations folder (tests); default `collector/migrations`. */
  dir?: string
  /**
   * Other collectors may migrate the same store at once (a ClickHouse server):
   * take the lease first. Default false: the embedded store is opened by one process only.
   */
  shared?: boolean
}

/** The table of applied migrations, created before any migration (and rendered like them). */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS wince_migrations (
    name String,
    applied_at DateTime DEFAULT now()
) ENGINE = MergeTree
ORDER BY name`

/**
 * Applies the numbered `.sql` files in `collector/migrations` not yet recorded,
 * in order. Collectors starting together take a lease first (see
 * `MigrationLease`): one applies, the others wait until it has.
 */
export async function migrate(client: ClickHouseClient, options: MigrateOptions = {}): Promise<string[]> {
  const dir = options.dir ?? MIGRATIONS_DIR
  const files = readdirSync(dir)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort()
  const schema: ClusterSchema = new Map()
  const render = (statement: string) =>
    options.cluster ? renderForCluster(statement, options.cluster, schema) : [statement]
  // Every file is rendered, applied or not: a later ALTER must know what the earlier files made.
  const plan = [MIGRATIONS_TABLE, MigrationLease.TABLE].flatMap(render).map((query) => ({ file: '', query }))
  for (const file of files)
    for (const statement of splitStatements(readFileSync(join(dir, file), 'utf8')))
      for (const query of render(statement)) plan.push({ file, query })
  for (const step of plan.filter((s) => !s.file)) await client.command({ query: step.query })

  const apply = async (todo: string[]) => {
    for (const file of todo) {
      for (const step of plan.filter((s) => s.file === file)) await client.command({ query: step.query })
      await insertAppliedMigration(client, file)
    }
    return todo
  }
  const pending = async () => {
    const done = await queryAppliedMigrations(client)
    return files.filter((f) => !done.has(f))
  }
  let todo = await pending()
  if (todo.length === 0) return []
  if (!options.shared) return apply(todo)
  // There is a pending file, so files is not empty.
  const lease = new MigrationLease(client, files[files.length - 1]!)
  try {
    while (!(await lease.held())) {
      todo = await pending()
      if (todo.length === 0) return []
      await lease.waitTurn()
    }
    // Held: another collector may have finished just before.
    return await apply(await pending())
  } finally {
    lease.release()
  }
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
