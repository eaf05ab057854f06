import { describe, expect, it } from 'vitest'
import { parseUserAgent } from './parseUserAgent.ts'

describe('parseUserAgent', () => {
  it('tells phones, tablets and desktops apart', () => {
    expect(
      parseUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ device: 'mobile', browser: 'Mobile Safari', os: 'iOS' })
    expect(
      parseUserAgent(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
      ),
    ).toEqual({ device: 'mobile', browser: 'Chrome', os: 'Android' })
    expect(
      parseUserAgent(
        'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      ).device,
    ).toBe('tablet')
    expect(
      parseUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
      ),
    ).toEqual({ device: 'desktop', browser: 'Chrome', os: 'Windows' })
  })

  it('answers for a missing or garbled header', () => {
    expect(parseUserAgent(undefined)).toEqual({ device: 'desktop', browser: '', os: '' })
    expect(parseUserAgent('%%%')).toEqual({ device: 'desktop', browser: '', os: '' })
  })
})
