import { describe, expect, it } from 'vitest'
import { describeFormStruggle } from './describeFormStruggle.ts'
import { describeReason } from './describeReason.ts'

describe('describeFormStruggle', () => {
  it('words each reason for agents', () => {
    expect(describeFormStruggle('invalid-input[cc-number]', 3)).toBe('the card field rejected the entry 3 times')
    expect(describeFormStruggle('reentry-input[postal-code]', 3)).toBe(
      'the postcode field was cleared and retyped 3 times',
    )
    expect(describeFormStruggle('submit-blocked-form[checkout]', 2)).toBe('the checkout form refused to submit 2 times')
    expect(describeFormStruggle('abandon-form', 4)).toBe('left the form unsent')
  })

  it('names a field by its caption when it has no kind, by its tag when it has neither', () => {
    expect(describeFormStruggle('invalid-input Voucher code', 3)).toBe(
      'the “Voucher code” field rejected the entry 3 times',
    )
    expect(describeFormStruggle('invalid-textarea', 3)).toBe('the textarea field rejected the entry 3 times')
    expect(describeFormStruggle('reentry-input[delivery_note]', 4)).toBe(
      'the delivery note field was cleared and retyped 4 times',
    )
  })

  it('leaves labels that are not form-struggle labels to the generic words', () => {
    expect(describeFormStruggle('button', 3)).toBeUndefined()
    expect(describeReason({ type: 'form_struggle', sel: 'input#card', lb: 'input', n: 3 })).toBe(
      'form struggle on input#card',
    )
  })

  it('is what an alert says of a form struggle', () => {
    expect(describeReason({ type: 'form_struggle', sel: 'input#card', lb: 'invalid-input[cc-number]', n: 3 })).toBe(
      'the card field rejected the entry 3 times',
    )
  })
})

describe('form-struggle labels at the collector’s door', () => {
  it('keeps the reason and the field when the site does not allow text (only the caption goes)', async () => {
    const { safeLabel } = await import('../ingest/atTheDoor.ts')
    const site = { allowText: false } as Parameters<typeof safeLabel>[1]
    expect(safeLabel('invalid-input[cc-number] Card number', site)).toBe('invalid-input[cc-number]')
    expect(safeLabel('submit-blocked-form[pay]', site)).toBe('submit-blocked-form[pay]')
  })
})
