import { UAParser } from 'ua-parser-js'

/** Device classes agents and digital teams filter by. */
export type DeviceClass = 'desktop' | 'tablet' | 'mobile'

/** What the collector tells of a visitor's browser (nothing that identifies them). */
export interface Agent {
  device: DeviceClass
  /** Browser family, e.g. `Chrome`, `Mobile Safari`; `''` when unknown. */
  browser: string
  /** OS family, e.g. `Windows`, `iOS`, `Android`; `''` when unknown. */
  os: string
}

const cache = new Map<string, Agent>()
/** Distinct user agents are few; a bounded cache spares parsing on every beacon. */
const CACHE_MAX = 2_000

/**
 * Parses a User-Agent header with ua-parser-js (a maintained library: user
 * agents change every month, a home-made regex does not keep up). Families
 * only, never versions: enough to segment, too coarse to fingerprint.
 */
export function parseUserAgent(userAgent: string | undefined): Agent {
  const ua = userAgent ?? ''
  const hit = cache.get(ua)
  if (hit) return hit
  const parsed = new UAParser(ua).getResult()
  const type = parsed.device.type
  const agent: Agent = {
    device: type === 'mobile' || type === 'wearable' ? 'mobile' : type === 'tablet' ? 'tablet' : 'desktop',
    browser: parsed.browser.name ?? '',
    os: parsed.os.name ?? '',
  }
  if (cache.size >= CACHE_MAX) cache.clear()
  cache.set(ua, agent)
  return agent
}
