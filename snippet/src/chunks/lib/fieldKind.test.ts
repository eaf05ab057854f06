import { describe, expect, it } from 'vitest'
import { fieldKind, fieldLabel, type FieldNode } from './fieldKind'

const node = (localName: string, attrs: Record<string, string>, type?: string): FieldNode => ({
  localName,
  type,
  getAttribute: (n) => attrs[n] ?? null,
})

describe('fieldKind', () => {
  it('names a field by its autocomplete purpose first (the last token)', () => {
    expect(fieldKind(node('input', { autocomplete: 'shipping postal-code', name: 'pc' }, 'text'))).toBe('postal-code')
    expect(fieldKind(node('input', { autocomplete: 'cc-number' }, 'text'))).toBe('cc-number')
  })

  it('then by a telling type, then by a clean name or id', () => {
    expect(fieldKind(node('input', { autocomplete: 'off', name: 'secret' }, 'password'))).toBe('password')
    expect(fieldKind(node('input', { name: 'delivery_note' }, 'text'))).toBe('delivery_note')
    expect(fieldKind(node('textarea', { id: 'message' }, 'textarea'))).toBe('message')
  })

  it('never takes a name or id with digits or an e-mail, and says nothing when nothing is clean', () => {
    expect(fieldKind(node('input', { name: 'user4711', id: 'ann@example.com' }, 'text'))).toBe('')
  })
})

describe('fieldLabel', () => {
  it('leads with the reason, one word the collector keeps: why-tag[kind]', () => {
    expect(fieldLabel('invalid', node('input', { autocomplete: 'cc-number' }, 'text'))).toBe('invalid-input[cc-number]')
    expect(fieldLabel('submit_blocked', node('form', { id: 'pay' }))).toBe('submit-blocked-form[pay]')
  })

  it('adds the caption only when given (the site allows text), scrubbed of digits and e-mails', () => {
    expect(fieldLabel('reentry', node('input', {}, 'tel'), 'Phone  (e.g. 020 7946 0000) or ann@example.com')).toBe(
      'reentry-input[tel] Phone (e.g. #) or @',
    )
  })
})
