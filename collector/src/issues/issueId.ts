import { createHash } from 'node:crypto'

/**
 * The id of an issue: one problem, the same for every visitor who meets it —
 * a signal type on one element of one page path of a site. Live alerts carry
 * it (so the live queue can show one card per problem) and `/api/issues`
 * returns it (so a card leads to the issue and back). A hash, not a
 * concatenation: the parts are long and may hold characters URLs dislike.
 */
export function issueId(site: string, path: string, selector: string, type: string): string {
  return createHash('sha256').update(`${site}\n${path}\n${selector}\n${type}`).digest('hex').slice(0, 16)
}

/** The path of a page URL as issues group it: no origin, query or fragment, no trailing slash (but `/`). */
export function issuePath(url: string): string {
  let path: string
  try {
    path = new URL(url, 'http://x').pathname
  } catch {
    path = url.split(/[?#]/)[0] ?? ''
  }
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path || '/'
}
