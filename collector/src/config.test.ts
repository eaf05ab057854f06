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

describe('readConfig: rates', () => {
  it('reads per second/burst, a lone number as both, and refuses an empty part by name', () => {
    expect(readConfig({ WINCE_IP_RATE: '5/20' }).ipRate).toEqual({ rate: 5, burst: 20 })
    expect(readConfig({ WINCE_IP_RATE: '7' }).ipRate).toEqual({ rate: 7, burst: 7 })
    expect(readConfig({}).ipRate).toBeUndefined()
    expect(() => readConfig({ WINCE_IP_RATE: '5/' })).toThrow(/WINCE_IP_RATE: expected <per second>\/<burst>/)
    expect(() => readConfig({ WINCE_UPLOAD_RATE: '/5' })).toThrow(/WINCE_UPLOAD_RATE: expected/)
    expect(() => readConfig({ WINCE_IP_RATE: 'x/5' })).toThrow(/WINCE_IP_RATE: expected a positive number/)
  })
})
