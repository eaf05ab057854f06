/**
 * A struggling session in one plain-language paragraph for the agent, built
 * from its signals only: element names come from selectors, or from labels
 * that carry text only where the site allows text. Pure (the dashboard bundles it).
 */

/** A signal as the summary needs it (a stored signal row fits). */
export interface SummarySignal {
  type: string
  ts: number
  url: string
  selector: string
  label: string
  n: number
  /** Machine-readable evidence: `error:TypeError`, `no-response`… */
  why: string
}

/** What else is known of the visit. */
export interface SummaryContext {
  /** The page the visitor is on (URL or path). */
  url: string
  /** When they arrived on it and on the site, epoch ms (0 / undefined: unknown). */
  pageSince?: number | undefined
  siteSince?: number | undefined
  pages?: number | undefined
  referrer?: string | undefined
  /** When they asked for help, epoch ms. */
  helpAt?: number | undefined
}

/** Kinds of struggle in the order a person tells them: the click that failed first, the searching after. */
const ORDER = ['error_click', 'rage_click', 'dead_click', 'mouse_thrash', 'excessive_scroll', 'quick_back']

/** A path from a URL (the URL itself when it is not one). */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

/** Minutes or seconds, as a person says them: `40 s`, `3 min`, `1 h 5 min`. */
export function spoken(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  const m = Math.round(s / 60)
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`
}

/** The element a person would name: the label's text when the site allowed text (`button Pay` → “Pay”), else the selector. */
export function elementName(selector: string, label: string): string {
  const space = label.indexOf(' ')
  if (space > 0) return `“${label.slice(space + 1)}”`
  return selector || label || 'the page'
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`)

/** One sentence part per kind of struggle on one element. */
function part(type: string, name: string, n: number, whys: string[]): string {
  const errors = [...new Set(whys.filter((w) => w.startsWith('error:')).map((w) => w.slice(6)))]
  switch (type) {
    case 'error_click':
      return `pressed ${name} ${times(n)}; ${n > 1 ? 'each press' : 'it'} threw ${errors.join(' or ') || 'an error'}`
    case 'rage_click':
      return `pressed ${name} ${times(n)} in a row with no response`
    case 'dead_click':
      return `clicked ${name}${n > 1 ? ` ${times(n)}` : ''} and nothing happened`
    case 'mouse_thrash':
      return `shook the mouse${name === 'the page' ? '' : ` over ${name}`}`
    case 'excessive_scroll':
      return 'scrolled up and down as if searching'
    case 'quick_back':
      return `came back within seconds from ${name === 'the page' ? 'a page' : name}`
    default:
      return `${type.replace(/_/g, ' ')} on ${name}`
  }
}

/**
 * E.g. `On /checkout for 3 min (5 min and 3 pages on the site, from google.com).
 * Pressed “Pay” 5 times; each press threw TypeError. Clicked a#terms and nothing
 * happened. Asked for help 20 s ago.`
 */
export function describeSession(ctx: SummaryContext, signals: readonly SummarySignal[], now: number): string {
  const path = pathOf(ctx.url)
  const visit: string[] = []
  if (ctx.siteSince)
    visit.push(
      `${spoken(now - ctx.siteSince)}${ctx.pages ? ` and ${ctx.pages} page${ctx.pages === 1 ? '' : 's'}` : ''} on the site`,
    )
  if (ctx.referrer) visit.push(`from ${ctx.referrer}`)
  let text = `On ${path}${ctx.pageSince ? ` for ${spoken(now - ctx.pageSince)}` : ''}${visit.length ? ` (${visit.join(', ')})` : ''}.`

  // Group by kind and element, counting clicks: a rage click's `n` is its clicks.
  const groups = new Map<string, { type: string; name: string; n: number; whys: string[]; first: number }>()
  for (const s of signals) {
    const name = s.type === 'quick_back' ? pathOf(s.url) : elementName(s.selector, s.label)
    const key = `${s.type}\n${name}`
    const g = groups.get(key) ?? { type: s.type, name, n: 0, whys: [], first: s.ts }
    g.n += s.type === 'excessive_scroll' || s.type === 'mouse_thrash' ? 1 : Math.max(1, s.n)
    g.whys.push(s.why)
    groups.set(key, g)
  }
  const parts = [...groups.values()]
    .sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || a.first - b.first)
    .map((g) => part(g.type, g.name, g.n, g.whys))
  // Parts are never empty strings (each names a signal).
  for (const p of parts) text += ` ${p[0]!.toUpperCase()}${p.slice(1)}.`
  if (parts.length === 0) text += ' No signal stored yet.'
  if (ctx.helpAt) text += ` Asked for help ${spoken(now - ctx.helpAt)} ago.`
  return text
}
