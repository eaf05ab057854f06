import type { Reason, WireEvent } from '@wince/snippet/wire'
import { safeText } from '@wince/snippet/safeText'
import type { Site } from '../sites/Sites.ts'

/**
 * Privacy at the collector's door, whatever a (possibly old or tampered)
 * snippet sent: URLs lose query and hash (they carry search terms, tokens,
 * e-mails); labels lose their text unless the site enabled text, and then keep
 * it through `safeText` (personal numbers and e-mails go, prices stay); selectors
 * lose e-mail-like words, and digits in ids, classes and attribute values.
 * Works in place on the event (freshly parsed from the beacon, owned by the
 * caller) and returns it. Tag names (`h1`) and positions are structure, not data: kept.
 */
export function atTheDoor(e: WireEvent, site: Site): WireEvent {
  e.u = bareUrl(e.u)
  if (e.k === 'page') {
    if (e.ref !== undefined) e.ref = bareUrl(e.ref)
  } else if (e.k === 'signal') {
    e.sel = scrubSelector(e.sel)
    e.lb = safeLabel(e.lb, site)
  } else if (e.k === 'struggle') {
    e.rs = e.rs.map((r): Reason => ({ ...r, sel: scrubSelector(r.sel), lb: safeLabel(r.lb, site) }))
  } else if (e.k === 'click' || e.k === 'vital') e.sel = scrubSelector(e.sel)
  return e
}

/** Origin and path only. */
export function bareUrl(url: string): string {
  const q = url.indexOf('?')
  const h = url.indexOf('#')
  const cut = q === -1 ? h : h === -1 ? q : Math.min(q, h)
  return cut === -1 ? url : url.slice(0, cut)
}

/** A label's text part (after the first space, the role) is kept only when the site allows text. */
export function safeLabel(label: string, site: Site): string {
  if (site.allowText) return safeText(label)
  const head = label.split(' ', 1)[0] ?? ''
  // Roles and tag names are lower case: a capitalised word is more likely text (a name) from a tampered snippet.
  return /^[a-z][a-z0-9-]*(\[[a-z_-]+\])?$/.test(head) ? head : ''
}

export function scrubSelector(sel: string): string {
  let scrubbed = scrubbedSelectors.get(sel)
  if (scrubbed === undefined) {
    // Digits only where page data can be: `#id`, `.class`, `[attr="value"]`; not in tag names or positions.
    scrubbed = sel.replace(/[^\s>]*@[^\s>]*/g, '@').replace(/[#.][\w-]*|\[[^\]]*\]/g, (m) => m.replace(/\d+/g, '#'))
    // A site has a bounded set of selectors; the cache starts over rather than grow without end.
    if (scrubbedSelectors.size >= SELECTOR_CACHE) scrubbedSelectors.clear()
    scrubbedSelectors.set(sel, scrubbed)
  }
  return scrubbed
}

/** Selectors scrubbed lately: the same few thousand come again and again. */
const SELECTOR_CACHE = 10_000
const scrubbedSelectors = new Map<string, string>()
