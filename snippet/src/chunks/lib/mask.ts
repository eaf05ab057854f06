/**
 * Masking decisions shared by the snapshot and the recorder (rrweb options plus a pass
 * over the serialized nodes for what rrweb leaves alone: text in attributes, link
 * queries). Inputs are always masked; text is masked unless the site allows it, and
 * then still where `data-wince-mask` says so; card-like numbers and e-mails never leave.
 */

/** Elements replaced by an empty box of the same size. */
export const BLOCK = '[data-wince-block]'
/** Elements whose text is masked even when the site allows text. */
export const MASK = '[data-wince-mask]'

/** Replaces every visible character, keeping spaces: the text keeps its shape and length, not its content. */
export const shape = (s: string): string => s.replace(/\S/g, '*')

/** 12 to 19 digits with optional spaces or dashes: a payment card number. */
const CARD = /\b\d(?:[ -]?\d){11,18}\b/g
const EMAIL = /[^\s@<>()"']+@[^\s@<>()"']+\.[a-z]{2,}/gi

/** Text the site allows: still never card-like numbers or e-mail addresses. */
export const scrubText = (s: string): string => s.replace(CARD, shape).replace(EMAIL, shape)

/** What a text node shows: masked unless `allowText`, or when inside `data-wince-mask`. */
export const maskText = (text: string, allowText: boolean, forced: boolean): string =>
  allowText && !forced ? scrubText(text) : shape(text)

/** Attributes that hold words a person wrote or that may name them. */
const TEXT_ATTRS =
  /^(alt|title|placeholder|label|aria-label|aria-description|aria-valuetext|aria-placeholder|content|value)$/

/**
 * Masks the text attributes of one element (all of them, or only card numbers and
 * e-mails when `allowText`), `mailto:`/`tel:` links, and the query and hash of links
 * (they often carry ids and e-mails). Returns the same object, changed in place.
 */
export function maskAttributes(
  attrs: Record<string, unknown>,
  allowText: boolean,
  forced = false,
): Record<string, unknown> {
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v != 'string' || !v) continue
    if (TEXT_ATTRS.test(k)) attrs[k] = maskText(v, allowText, forced)
    else if (k == 'href' && /^(mailto|tel|sms):/i.test(v)) attrs[k] = v.replace(/:.*/, ':')
    else if (k == 'href') attrs[k] = v.replace(/[?#].*/, '')
  }
  return attrs
}

/** The bits of rrweb's serialized node that masking looks at. */
export interface SNode {
  type: number
  tagName?: string
  attributes?: Record<string, unknown>
  childNodes?: SNode[]
}

/**
 * Walks a serialized node tree and masks element attributes (see {@link maskAttributes}),
 * more strictly under `data-wince-mask`.
 */
export function maskTree(n: SNode | null | undefined, allowText: boolean, forced = false): void {
  if (!n) return
  let f = forced
  if (n.attributes) {
    f ||= 'data-wince-mask' in n.attributes
    maskAttributes(n.attributes, allowText, f)
  }
  for (const c of n.childNodes || []) maskTree(c, allowText, f)
}

/** rrweb event types and sources this pass needs. */
const FULL_SNAPSHOT = 2
const INCREMENTAL = 3
const MUTATION = 0

/** The bits of an rrweb event's data that masking looks at (snapshot node, mutation adds and attribute changes). */
interface EventData {
  node?: SNode
  source?: number
  adds?: Array<{ node: SNode }>
  attributes?: Array<{ attributes?: Record<string, unknown> }>
}

/** Masks attributes in an rrweb event: the full snapshot's tree, added nodes and attribute changes. */
export function maskEvent(ev: { type: number; data?: unknown }, allowText: boolean): void {
  // rrweb's event data is a union over event types; the type and source checks below pick the shapes read.
  const d = ev.data as EventData | undefined
  if (ev.type == FULL_SNAPSHOT) maskTree(d?.node, allowText)
  else if (ev.type == INCREMENTAL && d?.source == MUTATION) {
    for (const a of d.adds || []) maskTree(a.node, allowText)
    for (const a of d.attributes || []) maskAttributes(a.attributes || {}, allowText)
  }
}

/** The masking options rrweb's snapshot and record take. */
export function rrwebMasking(allowText: boolean) {
  return {
    blockSelector: BLOCK,
    // Every text node goes through maskTextFn, which decides.
    maskTextSelector: '*',
    maskTextFn: (text: string, el: HTMLElement | null) => maskText(text, allowText, !!el?.closest(MASK)),
    // All inputs, whatever the settings: passwords and card numbers never leave the page.
    maskAllInputs: true,
    maskInputFn: (text: string) => shape(text),
  }
}
