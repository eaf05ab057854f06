/** What the renderer has learned of the schema from the statements before: each MergeTree table by name. */
export type ClusterSchema = Map<string, { shardKey: string }>

/** Suffix of the replicated table each node keeps; the `Distributed` table over them keeps the plain name, so queries need no change. */
export const LOCAL_SUFFIX = '_local'

/** Statements a `Distributed` table takes as well as its local tables: column changes (its columns must match theirs). */
const COLUMN_OPS = /^(ADD|DROP|MODIFY|RENAME|COMMENT)\s+COLUMN\b/i

const CREATE_TABLE = /^CREATE TABLE IF NOT EXISTS (\w+) \(([\s\S]*)\) ENGINE = (\w*)MergeTree(?:\(([^)]*)\))?([\s\S]*)$/
const CREATE_MV = /^CREATE MATERIALIZED VIEW IF NOT EXISTS (\w+) TO (\w+) AS\s([\s\S]*)$/
const CREATE_VIEW = /^CREATE VIEW IF NOT EXISTS (\w+) AS\s([\s\S]*)$/
const ALTER = /^ALTER TABLE (\w+)(\s+)([\s\S]*)$/
const DROP = /^DROP TABLE IF EXISTS (\w+)$/

/**
 * Renders one migration statement, written for a single node in the style of
 * `collector/migrations`, for a ClickHouse cluster (`WINCE_CLICKHOUSE_CLUSTER`):
 *
 * - every `*MergeTree` table becomes `<name>_local`, `Replicated*MergeTree` on
 *   each node (its Keeper path per shard), plus a `Distributed` table `<name>`
 *   over them, sharded by session (rows of one session, and so one event sent
 *   twice, land on one shard, where `FINAL` and merges collapse them), or by the
 *   sorting key for tables without a session;
 * - materialized views read and write the local tables, on every node, so each
 *   shard aggregates its own rows;
 * - column changes go to both, other `ALTER`s to the local tables; `DROP` to both;
 * - `INSERT … SELECT` (backfills) stays as written: it reads and writes the
 *   distributed tables, once, from the collector that applies the migration.
 *
 * Every DDL statement runs `ON CLUSTER`. A statement of another shape is refused
 * with its text, so a migration the renderer does not know cannot half-apply.
 * `schema` is updated with the tables it creates or drops.
 */
export function renderForCluster(statement: string, cluster: string, schema: ClusterSchema): string[] {
  const on = `ON CLUSTER ${cluster}`
  let m: RegExpMatchArray | null
  if ((m = statement.match(CREATE_TABLE))) {
    const [, name = '', columns = '', variant = '', args, rest = ''] = m
    const local = name + LOCAL_SUFFIX
    const replicated = [
      `'/clickhouse/tables/{shard}/{database}/${local}'`,
      `'{replica}'`,
      ...(args?.trim() ? [args.trim()] : []),
    ].join(', ')
    const shardKey = /^\s*session\s/m.test(columns) ? 'cityHash64(session)' : `cityHash64(${orderBy(rest, statement)})`
    schema.set(name, { shardKey })
    return [
      `CREATE TABLE IF NOT EXISTS ${local} ${on} (${columns}) ENGINE = Replicated${variant}MergeTree(${replicated})${rest}`,
      `CREATE TABLE IF NOT EXISTS ${name} ${on} AS ${local} ENGINE = Distributed(${cluster}, currentDatabase(), ${local}, ${shardKey})`,
    ]
  }
  if ((m = statement.match(CREATE_MV))) {
    const [, name = '', target = '', select = ''] = m
    return [
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${name} ${on} TO ${localName(target, schema)} AS\n${readLocal(select, schema)}`,
    ]
  }
  if ((m = statement.match(CREATE_VIEW))) {
    const [, name = '', select = ''] = m
    return [`CREATE VIEW IF NOT EXISTS ${name} ${on} AS\n${select}`]
  }
  if ((m = statement.match(ALTER))) {
    const [, name = '', space = ' ', ops = ''] = m
    if (!schema.has(name)) return [`ALTER TABLE ${name} ${on}${space}${ops}`]
    const local = `ALTER TABLE ${name}${LOCAL_SUFFIX} ${on}${space}${ops}`
    return splitTopLevel(ops).every((op) => COLUMN_OPS.test(op))
      ? [local, `ALTER TABLE ${name} ${on}${space}${ops}`]
      : [local]
  }
  if ((m = statement.match(DROP))) {
    const [, name = ''] = m
    if (!schema.delete(name)) return [`DROP TABLE IF EXISTS ${name} ${on} SYNC`]
    // The distributed table first: nothing may write through it to a dropped local table.
    return [`DROP TABLE IF EXISTS ${name} ${on} SYNC`, `DROP TABLE IF EXISTS ${name}${LOCAL_SUFFIX} ${on} SYNC`]
  }
  if (/^INSERT INTO \w+\s/.test(statement)) return [statement]
  throw new Error(`cannot render for a cluster (add its shape to renderForCluster.ts): ${statement.slice(0, 120)}`)
}

/** The sorting key's columns, as a list for `cityHash64(…)`. */
function orderBy(rest: string, statement: string): string {
  const key = rest.match(/ORDER BY \(([^)]*)\)|ORDER BY (\w+)/)
  if (!key) throw new Error(`cannot render for a cluster: no ORDER BY in ${statement.slice(0, 120)}`)
  // The pattern has two alternatives: when group 1 did not match, group 2 did.
  return (key[1] ?? key[2]!).trim()
}

function localName(name: string, schema: ClusterSchema): string {
  return schema.has(name) ? name + LOCAL_SUFFIX : name
}

/** A view's `FROM`/`JOIN` of a known table reads the node's local table: each shard feeds its own. */
function readLocal(select: string, schema: ClusterSchema): string {
  return select.replace(/\b(FROM|JOIN)\s+(\w+)\b/gi, (all, word: string, name: string) =>
    schema.has(name) ? `${word} ${name}${LOCAL_SUFFIX}` : all,
  )
}

/** Splits `ADD COLUMN a T DEFAULT f(x, y), ADD COLUMN b U` on the commas outside parentheses and quotes. */
function splitTopLevel(ops: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < ops.length; i++) {
    const ch = ops[i]
    if (ch === "'" && ops[i - 1] !== '\\') quoted = !quoted
    else if (quoted) continue
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === ',' && depth === 0) {
      parts.push(ops.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(ops.slice(start).trim())
  return parts
}
