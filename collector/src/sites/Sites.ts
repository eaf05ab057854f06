import { readFileSync } from 'node:fs'

/** One site that may send beacons. */
export interface Site {
  /** The id in the script tag's `data-site`. */
  id: string
  /**
   * Origins allowed to send beacons, exact (`https://shop.example`) or with a
   * `*` for the port (`http://localhost:*`).
   */
  origins: string[]
}

/** The site every install has: it accepts pages from localhost origins only. */
export const DEMO_SITE: Site = {
  id: 'demo',
  origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
}

/** The configured sites, keyed by id. */
export class Sites {
  private readonly _byId: Map<string, Site>

  constructor(sites: Site[] = [DEMO_SITE]) {
    this._byId = new Map(sites.map((s) => [s.id, s]))
  }

  /**
   * Reads sites from a JSON file `{ "sites": [{ "id", "origins" }] }`; the demo
   * site is added unless the file defines `demo` itself.
   */
  static fromFile(path: string): Sites {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { sites?: Site[] }
    const sites = (parsed.sites ?? []).filter(
      (s) => typeof s.id === 'string' && Array.isArray(s.origins) && s.origins.every((o) => typeof o === 'string'),
    )
    if (!sites.some((s) => s.id === 'demo')) sites.push(DEMO_SITE)
    return new Sites(sites)
  }

  get(id: string): Site | undefined {
    return this._byId.get(id)
  }

  list(): Site[] {
    return [...this._byId.values()]
  }

  /** Whether `origin` (as sent in the Origin header) may send beacons for `site`. */
  allows(site: Site, origin: string): boolean {
    return site.origins.some((pattern) => matchOrigin(pattern, origin))
  }
}

/** `http://localhost:*` matches any port (or none) of that scheme and host. */
export function matchOrigin(pattern: string, origin: string): boolean {
  if (pattern === origin) return true
  if (!pattern.endsWith(':*')) return false
  const stem = pattern.slice(0, -2)
  if (origin === stem) return true
  return origin.startsWith(stem + ':') && /^\d{1,5}$/.test(origin.slice(stem.length + 1))
}
