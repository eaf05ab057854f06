import type { Reason, WireEvent } from '@wince/snippet/wire'
import type { Site } from '../sites/Sites.ts'

/**
 * Privacy at the collector's door, whatever a (possibly old or tampered)
 * snippet sent: URLs lose query and hash (they carry search terms, tokens,
 * e-mails); labels lose their text unless the site enabled text; selectors
 * lose e-mail-like words and digits (other than `:nth-of-type()` positions).
 */
export function atTheDoor(e: WireEvent, site: Site): WireEvent {
  const u = bareUrl(e.u)
  if (e.k === 'page') return e.ref === undefined ? { ...e, u } : { ...e, u, ref: bareUrl(e.ref) }
  if (e.k === 'signal') return { ...e, u, sel: scrubSelector(e.sel), lb: safeLabel(e.lb, site) }
  if (e.k === 'struggle') return { ...e, u, rs: e.rs.map((r): Reason => ({ ...r, sel: scrubSelector(r.sel), lb: safeLabel(r.lb, site) })) }
  if (e.k === 'click' || e.k === 'vital') return { ...e, u, sel: scrubSelector(e.sel) }
  return { ...e, u }
}

/** Origin and path only. */
export function bareUrl(url: string): string {
  const cut = url.search(/[?#]/)
  return cut === -1 ? url : url.slice(0, cut)
}

/** A label's text part (after the first space) is kept only when the site allows text. */
export function safeLabel(label: string, site: Site): string {
  if (site.allowText) return label.replace(/\S+@\S+/g, '@').replace(/\d+/g, '#')
  const head = label.split(' ', 1)[0] ?? ''
  return /^[a-z][a-z0-9-]*(\[[a-z_-]+\])?$/i.test(head) ? head : ''
}

export function scrubSelector(sel: string): string {
  return sel.replace(/[^\s>]*@[^\s>]*/g, '@').replace(/(?<!nth-of-type\()\d+/g, '#')
}
