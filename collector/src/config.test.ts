import { describe, expect, it } from 'vitest'
import { readConfig } from './config.ts'

describe('readConfig: scaling variables', () => {
  it('reads WINCE_REDIS_URL and a cluster name given with a server', () => {
    const config = readConfig({
      CLICKHOUSE_URL: 'http://ch:8123',
      WINCE_CLICKHOUSE_CLUSTER: 'wince_1',
      WINCE_REDIS_URL: 'redis://redis:6379',
    })
    expect(config.cluster).toBe('wince_1')
    expect(config.redisUrl).toBe('redis://redis:6379')
    expect(readConfig({}).cluster).toBeUndefined()
    expect(readConfig({}).redisUrl).toBeUndefined()
  })

  it('refuses a cluster without a server, and a name that is not an identifier (it goes into DDL)', () => {
    expect(() => readConfig({ WINCE_CLICKHOUSE_CLUSTER: 'wince' })).toThrow(
      /needs a ClickHouse server \(CLICKHOUSE_URL\)/,
    )
    expect(() =>
      readConfig({ CLICKHOUSE_URL: 'http://ch:8123', WINCE_CLICKHOUSE_CLUSTER: 'x; DROP TABLE signals' }),
    ).toThrow(/expected a cluster name/)
  })
})
