import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COLLECTOR_DIR } from '../collectorDir.ts'
import { createStore, type Store } from './createStore.ts'
import { splitStatements } from './migrate.ts'
import { renderForCluster, type ClusterSchema } from './renderForCluster.ts'

// No ClickHouse cluster (Keeper, replicas, shards) runs here. The rendered DDL is checked three ways
// instead: exact statements for a few shapes, rules over every migration file (so files added later are
// held to them), and ClickHouse's own parser (chDB's formatQuery) over every rendered statement.

const DIR = join(COLLECTOR_DIR, 'migrations')
const files = readdirSync(DIR)
  .filter((f) => /^\d+_.*\.sql$/.test(f))
  .sort()

/** Every file rendered in order, as migrate() does; statements by file. */
function renderAll(cluster: string): Map<string, string[]> {
  const schema: ClusterSchema = new Map()
  return new Map(
    files.map((f) => [
      f,
      splitStatements(readFileSync(join(DIR, f), 'utf8')).flatMap((s) => renderForCluster(s, cluster, schema)),
    ]),
  )
}

const rendered = renderAll('wince')
const all = [...rendered.values()].flat()
const single = files.flatMap((f) => splitStatements(readFileSync(join(DIR, f), 'utf8')))

describe('cluster DDL, exact', () => {
  it('a MergeTree without a session: replicated per shard, distributed by its sorting key', () => {
    const schema: ClusterSchema = new Map()
    expect(
      renderForCluster(
        `CREATE TABLE IF NOT EXISTS issue_status (
    site LowCardinality(String),
    issue String,
    at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY (site, issue, at)`,
        'c1',
        schema,
      ),
    ).toEqual([
      `CREATE TABLE IF NOT EXISTS issue_status_local ON CLUSTER c1 (
    site LowCardinality(String),
    issue String,
    at DateTime64(3, 'UTC')
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/issue_status_local', '{replica}')
ORDER BY (site, issue, at)`,
      'CREATE TABLE IF NOT EXISTS issue_status ON CLUSTER c1 AS issue_status_local ENGINE = Distributed(c1, currentDatabase(), issue_status_local, cityHash64(site, issue, at))',
    ])
  })

  it('a ReplacingMergeTree with a version and a session: the version kept, sharded by session', () => {
    const out = renderForCluster(
      `CREATE TABLE IF NOT EXISTS t (
    session String,
    at DateTime
) ENGINE = ReplacingMergeTree(at)
ORDER BY (session)`,
      'c1',
      new Map(),
    )
    expect(out[0]).toContain(
      `ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/t_local', '{replica}', at)\nORDER BY (session)`,
    )
    expect(out[1]).toBe(
      'CREATE TABLE IF NOT EXISTS t ON CLUSTER c1 AS t_local ENGINE = Distributed(c1, currentDatabase(), t_local, cityHash64(session))',
    )
  })

  it('0003: the heatmap view reads and writes the local tables', () => {
    expect(
      rendered.get('0003_heatmaps_replay.sql'),
    ).toContain(`CREATE MATERIALIZED VIEW IF NOT EXISTS click_cells_mv ON CLUSTER wince TO click_cells_local AS
SELECT site, url, vc, day, selector, gfx, gfy, count() AS clicks, uniqState(session) AS sessions
FROM clicks_local
GROUP BY site, url, vc, day, selector, gfx, gfy`)
  })

  it('0005: a column added to both the local and the distributed table', () => {
    expect(rendered.get('0005_hostile.sql')!.slice(0, 2)).toEqual([
      'ALTER TABLE alerts_local ON CLUSTER wince ADD COLUMN IF NOT EXISTS held UInt8 DEFAULT 0',
      'ALTER TABLE alerts ON CLUSTER wince ADD COLUMN IF NOT EXISTS held UInt8 DEFAULT 0',
    ])
  })

  it('0012: a dropped table goes on both levels, the distributed one first', () => {
    expect(rendered.get('0012_shared_state.sql')!.slice(-2)).toEqual([
      'DROP TABLE IF EXISTS live_events ON CLUSTER wince SYNC',
      'DROP TABLE IF EXISTS live_events_local ON CLUSTER wince SYNC',
    ])
  })

  it('a non-column ALTER goes to the local tables only; an unknown shape is refused', () => {
    const schema: ClusterSchema = new Map([['t', { shardKey: 'cityHash64(session)' }]])
    expect(renderForCluster('ALTER TABLE t MODIFY TTL ts + INTERVAL 30 DAY', 'c1', schema)).toEqual([
      'ALTER TABLE t_local ON CLUSTER c1 MODIFY TTL ts + INTERVAL 30 DAY',
    ])
    expect(() => renderForCluster('CREATE TABLE IF NOT EXISTS m (x String) ENGINE = Memory', 'c1', schema)).toThrow(
      /cannot render for a cluster/,
    )
    expect(() => renderForCluster('RENAME TABLE a TO b', 'c1', schema)).toThrow(/cannot render for a cluster/)
  })
})

describe('cluster DDL, rules over every migration file', () => {
  it('every DDL statement runs ON CLUSTER; only backfill INSERTs run once, as written', () => {
    for (const s of all) {
      if (s.startsWith('INSERT INTO ')) expect(single).toContain(s)
      else
        expect(s, s.slice(0, 80)).toMatch(
          /^(CREATE|ALTER|DROP) (TABLE|MATERIALIZED VIEW|VIEW) (IF (NOT )?EXISTS )?\w+ ON CLUSTER wince\b/,
        )
    }
  })

  it('every MergeTree is replicated, under its own Keeper path, with a Distributed table of the plain name over it', () => {
    const engines = all.flatMap((s) => [...s.matchAll(/ENGINE = (\w*MergeTree)\(?/g)].map((m) => m[1]!))
    expect(engines.length).toBeGreaterThan(10)
    expect(engines.filter((e) => !e.startsWith('Replicated'))).toEqual([])
    const locals = all.flatMap((s) =>
      [
        ...s.matchAll(
          /^CREATE TABLE IF NOT EXISTS (\w+)_local ON CLUSTER wince \([\s\S]*ENGINE = Replicated\w*MergeTree\('\/clickhouse\/tables\/\{shard\}\/\{database\}\/(\w+)', '\{replica\}'/g,
        ),
      ].map((m) => [m[1]!, m[2]!]),
    )
    expect(locals.length).toBe(engines.length)
    for (const [name, path] of locals) {
      expect(path).toBe(`${name}_local`)
      expect(
        all.filter((s) =>
          s.startsWith(
            `CREATE TABLE IF NOT EXISTS ${name} ON CLUSTER wince AS ${name}_local ENGINE = Distributed(wince, currentDatabase(), ${name}_local, cityHash64(`,
          ),
        ),
      ).toHaveLength(1)
    }
    // The single-node tables are exactly the distributed names: the queries need no change.
    const singleTables = single
      .flatMap((s) => [...s.matchAll(/^CREATE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]!))
      .sort()
    expect(locals.map(([name]) => name).sort()).toEqual(singleTables)
  })

  it('tables with a session are sharded by it', () => {
    for (const s of all.filter((x) => /^CREATE TABLE IF NOT EXISTS \w+_local /.test(x) && /^\s*session\s/m.test(x))) {
      const name = s.match(/^CREATE TABLE IF NOT EXISTS (\w+)_local/)![1]!
      expect(all.find((x) => x.startsWith(`CREATE TABLE IF NOT EXISTS ${name} ON CLUSTER`))).toContain(
        `${name}_local, cityHash64(session))`,
      )
    }
  })

  it('materialized views read and write only local tables', () => {
    const views = all.filter((s) => s.startsWith('CREATE MATERIALIZED VIEW'))
    expect(views.length).toBeGreaterThan(0)
    for (const v of views) {
      expect(v).toMatch(/ TO \w+_local AS\n/)
      for (const m of v.matchAll(/\b(?:FROM|JOIN)\s+(\w+)/gi)) expect(m[1]).toMatch(/_local$/)
    }
  })

  it('column changes reach both levels; the single-node form is the files as written', () => {
    for (const s of all.filter((x) => /^ALTER TABLE \w+_local ON CLUSTER wince\s+ADD COLUMN/.test(x))) {
      expect(all).toContain(s.replace(/^ALTER TABLE (\w+)_local/, 'ALTER TABLE $1'))
    }
    expect(renderAll('other').get(files[0]!)!.join('\n')).toContain('ON CLUSTER other')
  })
})

describe('cluster DDL, ClickHouse parses every statement', () => {
  let dir: string
  let store: Store
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wince-ddl-'))
    store = createStore({ dataDir: dir })
  })
  afterAll(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('formatQuery accepts each rendered statement (and refuses a broken one)', async () => {
    const parse = async (q: string) => {
      const rs = await store.client.query({
        query: 'SELECT formatQuery({q:String}) AS f',
        query_params: { q },
        format: 'JSONEachRow',
      })
      return ((await rs.json()) as Array<{ f: string }>)[0]!.f
    }
    for (const s of all) expect(await parse(s), s.slice(0, 80)).toMatch(/ON CLUSTER wince|^INSERT/)
    await expect(parse('CREATE TABLE a ON CLUSTER wince (x String')).rejects.toThrow(/Syntax error/)
  })
})
