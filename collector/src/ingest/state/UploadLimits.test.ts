import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ApiError } from '../../ApiError.ts'
import { UploadLimits } from './UploadLimits.ts'

const status = async (fn: () => Promise<void>): Promise<number | 'ok'> => {
  try {
    await fn()
    return 'ok'
  } catch (err) {
    return (err as ApiError).status
  }
}

afterEach(() => vi.restoreAllMocks())

describe('UploadLimits', () => {
  it("refuses a site's uploads past its daily storage, until the next UTC day", async () => {
    const limits = new UploadLimits({ quotaBytes: 1_000, siteRate: { rate: 1e6, burst: 1e6 } })
    const day = Date.parse('2026-11-30T10:00:00Z')
    expect(await status(() => limits.charge('shop', 600, 'snapshot', day))).toBe('ok')
    expect(await status(() => limits.charge('other', 600, 'snapshot', day))).toBe('ok')
    let refusal: ApiError | undefined
    try {
      await limits.charge('shop', 600, 'snapshot', day + 1000)
    } catch (err) {
      refusal = err as ApiError
    }
    expect(refusal?.status).toBe(429)
    expect(refusal?.details.retryAfter).toBe(14 * 3600 - 1)
    expect(await status(() => limits.charge('shop', 600, 'snapshot', Date.parse('2026-12-01T00:00:01Z')))).toBe('ok')
  })

  it('refuses an address past its rate, and logs one line a minute, not one per refusal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const limits = new UploadLimits({ ipRate: { rate: 0.001, burst: 2 } })
    expect(await status(() => limits.checkIp('1.2.3.4', 'replay'))).toBe('ok')
    expect(await status(() => limits.checkIp('1.2.3.4', 'replay'))).toBe('ok')
    for (let i = 0; i < 50; i++) expect(await status(() => limits.checkIp('1.2.3.4', 'replay'))).toBe(429)
    expect(await status(() => limits.checkIp('5.6.7.8', 'replay'))).toBe('ok')
    expect(warn).toHaveBeenCalledTimes(1)
  })
})
