/**
 * Strips every URL a stored page could fetch, before a snapshot or a replay
 * is stored. Rebuilt in the dashboard, a page that still pointed at its site
 * (or at an attacker's server, for anyone can post a page) would make the
 * support agent's browser fetch it — telling that host when, from where and
 * with what browser the page was opened. The dashboard's CSP blocks the same
 * fetches a second time; this keeps them out of the store in the first place.
 *
 * Works on rrweb's JSON as it comes (a serialized node tree, or a run of
 * events with full snapshots, added nodes, attribute changes and style
 * rules) by walking every value: what matters is attribute names and CSS
 * text, wherever they sit.
 */

/** A grey box where an image was: the layout keeps the element's size, the agent sees something was there. */
export const IMAGE_PLACEHOLDER =
  'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"%3E%3Crect width="100%25" height="100%25" fill="%23d9d9d9"/%3E%3C/svg%3E'
/** What a CSS `url()` becomes: a valid, empty image that fetches nothing. */
const EMPTY_URL = 'url("data:,")'

/** Attributes that make a browser fetch, on any element. `href` is handled apart: links only navigate. */
const FETCHING = new Set([
  'src',
  'srcset',
  'imagesrcset',
  'poster',
  'background',
  'data',
  'codebase',
  'archive',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'ping',
  'manifest',
  'rr_src',
  'srcdoc',
  'xlink:href',
  'action',
  'formaction',
  'profile',
  'icon',
])
/** Elements whose `src` is an image: it becomes the placeholder, not nothing. */
const IMAGES = new Set(['img', 'image', 'input'])
/** Elements whose `href` only navigates (and the sandbox forbids navigating). */
const LINKS = new Set(['a', 'area'])
const CSS_URL = /url\(\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^)]*)\s*\)/gi
const CSS_IMPORT = /@import\s[^;]*;?/gi
const CSS_IMAGE_SET = /(?:-webkit-)?image-set\((?:[^()]|\([^()]*\))*\)/gi

/** CSS text with no fetch left in it: `url()` emptied, `@import` and `image-set()` dropped. */
export function neutralizeCss(css: string): string {
  if (!/url\(|@import|image-set/i.test(css)) return css
  return css.replace(CSS_IMPORT, '').replace(CSS_IMAGE_SET, 'none').replace(CSS_URL, EMPTY_URL)
}

/** A value that fetches nothing: an inline `data:` URL or a fragment. */
const harmless = (value: string) => /^\s*(data:|#)/i.test(value) && !/^\s*data:text\/html/i.test(value)

function neutralizeAttributes(
  attributes: Record<string, unknown>,
  tag: string | undefined,
  removed: null | undefined,
): void {
  const isRefresh = tag === 'meta' && String(attributes['http-equiv'] ?? '').toLowerCase() === 'refresh'
  for (const [name, value] of Object.entries(attributes)) {
    const key = name.toLowerCase()
    if (typeof value !== 'string') {
      if (value && typeof value === 'object') neutralizeValue(value)
      continue
    }
    const fetching =
      FETCHING.has(key) || (key === 'href' && !(tag && LINKS.has(tag))) || (key === 'content' && isRefresh)
    if (fetching && !harmless(value)) {
      if (key === 'src' && tag && IMAGES.has(tag)) attributes[name] = IMAGE_PLACEHOLDER
      else if (removed === null) attributes[name] = null
      else delete attributes[name]
    } else {
      attributes[name] = neutralizeCss(value)
    }
  }
}

function neutralizeValue(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (typeof item === 'string') value[i] = neutralizeCss(item)
      else if (item && typeof item === 'object') neutralizeValue(item)
    }
    return
  }
  if (!value || typeof value !== 'object') return
  // An object (checked above): a serialized rrweb node or one of its parts; fields are read as unknown.
  const node = value as Record<string, unknown>
  const attributes = node.attributes
  const isAttributes = !!attributes && typeof attributes === 'object' && !Array.isArray(attributes)
  if (isAttributes) {
    // A serialized element has its tag; an attribute change in a mutation has only the node id,
    // and there `null` is how rrweb says "remove the attribute".
    const tag = typeof node.tagName === 'string' ? node.tagName.toLowerCase() : undefined
    // An object (checked above); its values are read as unknown.
    neutralizeAttributes(attributes as Record<string, unknown>, tag, tag ? undefined : null)
  }
  for (const [key, item] of Object.entries(node)) {
    if (key === 'attributes' && isAttributes) continue
    if (typeof item === 'string') node[key] = neutralizeCss(item)
    else if (item && typeof item === 'object') neutralizeValue(item)
  }
}

/**
 * Neutralizes, in place, every URL that would make a rebuilt page fetch
 * something: images become {@link IMAGE_PLACEHOLDER}, other fetching
 * attributes (`srcset`, `poster`, `data`, link and `<base>` `href`, iframe
 * `src`/`srcdoc`, svg `href`…) go, CSS `url()` is emptied and `@import`
 * dropped in style text, style attributes and style rules. `data:` URLs
 * (but not `data:text/html`) and fragments stay. Returns its argument.
 */
export function neutralizeUrls<T>(page: T): T {
  neutralizeValue(page)
  return page
}
