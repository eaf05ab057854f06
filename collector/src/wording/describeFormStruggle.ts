/**
 * What a field is for, in words an agent says on the phone: the form-struggle label
 * carries the field's kind (`input[cc-number]`), never what was typed in it.
 */
const KIND_WORDS: Record<string, string> = {
  'cc-number': 'card',
  'cc-exp': 'card expiry',
  'cc-exp-month': 'card expiry month',
  'cc-exp-year': 'card expiry year',
  'cc-csc': 'card security code',
  'cc-name': 'name on card',
  'postal-code': 'postcode',
  email: 'email',
  tel: 'phone',
  password: 'password',
  'current-password': 'password',
  'new-password': 'new password',
  'one-time-code': 'one-time code',
  'street-address': 'street address',
  'address-line': 'address',
  bday: 'birthday',
}

/** `invalid-input[cc-number] Card number` → why, tag, kind, caption. */
const LABEL = /^(invalid|reentry|submit-blocked|abandon)-([a-z]+)(?:\[([\w-]+)\])?(?: (.*))?$/

/** A field or form named for people: its kind in words, else its caption, else its tag. */
function named(tag: string, kind: string | undefined, caption: string | undefined): string {
  if (kind) return KIND_WORDS[kind] ?? kind.replace(/[-_]+/g, ' ')
  if (caption) return `“${caption}”`
  return tag === 'form' ? 'the' : tag
}

/**
 * A form struggle in words for agents, from its label and count, e.g. `the card field
 * rejected the entry 3 times`, `the postcode field was cleared and retyped 3 times`,
 * `the checkout form refused to submit 2 times`, `left the checkout form unsent`.
 * Undefined when the label is not a form-struggle label (then the generic words apply).
 */
export function describeFormStruggle(lb: string | undefined, n: number | undefined): string | undefined {
  const m = LABEL.exec(lb ?? '')
  if (!m) return undefined
  // LABEL has these four groups; the last two are optional.
  const [, why, tag, kind, caption] = m as unknown as [string, string, string, string | undefined, string | undefined]
  const what = named(tag, kind, caption)
  const times = n !== undefined && n > 1 ? ` ${n} times` : ''
  if (why === 'invalid') return `the ${what} field rejected the entry${times}`
  if (why === 'reentry') return `the ${what} field was cleared and retyped${times}`
  const form = what === 'the' ? 'the form' : `the ${what} form`
  if (why === 'submit-blocked') return `${form} refused to submit${times}`
  return `left ${form} unsent`
}
