import { clean } from '../../describe/scrub'
import { safeText } from '../../describe/safeText'

/** The field members a name needs (a plain object in tests). */
export interface FieldNode {
  localName: string
  type?: string
  getAttribute(name: string): string | null
}

/** Input types that say nothing about what the field is for. */
const PLAIN_TYPES = /^(text|textarea|select-one|select-multiple)$/

/**
 * What a field is for, never what is in it: its `autocomplete` purpose (`cc-number`,
 * `postal-code`…), else a telling `type` (`email`, `password`…), else a clean `name` or
 * `id` (letters, `-` and `_` only: no digits, no e-mail). '' when none says.
 */
export function fieldKind(el: FieldNode): string {
  // `autocomplete="shipping postal-code"`: the purpose is the last token.
  const ac = (el.getAttribute('autocomplete') || '').trim().split(/\s+/).pop()
  // clean(ac) holds only for a non-empty string.
  if (clean(ac) && ac != 'on' && ac != 'off') return ac!
  if (el.type && clean(el.type) && !PLAIN_TYPES.test(el.type)) return el.type
  for (const a of ['name', 'id']) {
    const v = el.getAttribute(a)
    if (clean(v)) return v
  }
  return ''
}

/** Characters of a field's caption kept in a label (as element labels: a caption, not a paragraph). */
export const FIELD_CAPTION_MAX = 40

/**
 * A form struggle's label: the reason, then the field as `tag[kind]`, then (only when the
 * site allows text) its caption, scrubbed of digits and e-mails:
 * `invalid-input[cc-number] Card number` (`submit-blocked-form[pay]`). The reason leads
 * because alerts carry labels, not `why`, and agents need to know what the field did;
 * reason and field make one word of the shape the collector keeps when the site does not
 * allow text (`tag[kind]`, letters, digits and dashes).
 */
export function fieldLabel(why: string, el: FieldNode, caption?: string | null): string {
  const k = fieldKind(el)
  let lb = `${why.replace('_', '-')}-${el.localName}${k ? `[${k}]` : ''}`
  const t = safeText((caption || '').replace(/\s+/g, ' ').trim())
  if (t) lb += ' ' + t.slice(0, FIELD_CAPTION_MAX)
  return lb
}
