import { describe, expect, it } from 'vitest'
import {
  createFormStruggle,
  FORM_BLOCKED_MIN,
  FORM_INVALID_MIN,
  FORM_INVALID_WINDOW_MS,
  FORM_REENTRY_MIN,
  FORM_REENTRY_WINDOW_MS,
  type FormRecord,
} from './formStruggle'

const run = (rs: FormRecord[]) => {
  const d = createFormStruggle()
  return rs.flatMap(d)
}

// Records of one field `card` in form `checkout` (a visitor's edit unless `v` is false).
const edit = (t: number, empty = false, v = true, f = 'card', form: unknown = 'checkout'): FormRecord => ({
  k: 'edit',
  f,
  form,
  t,
  empty,
  v,
})
const check = (t: number, bad: boolean, f = 'card', form: unknown = 'checkout'): FormRecord => ({
  k: 'check',
  f,
  form,
  t,
  bad,
})
const press = (t: number, form: unknown = 'checkout'): FormRecord => ({ k: 'press', form, t })
const answer = (t: number, bad: boolean, form: unknown = 'checkout'): FormRecord => ({ k: 'answer', form, t, bad })
const leave = (t: number): FormRecord => ({ k: 'leave', t })

/** The visitor empties the field and types it again at `t`. */
const retype = (t: number, f = 'card', form: unknown = 'checkout') => [
  edit(t, true, true, f, form),
  edit(t + 500, false, true, f, form),
]
/** Types an entry and submits; the page refuses it (`bad`) or takes it. */
const tryEntry = (t: number, bad: boolean) => [edit(t), press(t + 1000), check(t + 1100, bad), answer(t + 1500, bad)]

describe('form struggle', () => {
  it('names a field that rejects three entries in a row invalid, once', () => {
    const rs = [...tryEntry(0, true), ...tryEntry(10_000, true), ...tryEntry(20_000, true), ...tryEntry(30_000, true)]
    expect(run(rs).filter((d) => d.why == 'invalid')).toEqual([
      { why: 'invalid', k: 'card', n: FORM_INVALID_MIN, ms: 20_000, t: 1100 },
    ])
  })

  it('counts the browser refusing the same entry at blur and again at submit once', () => {
    // Rejected on leaving the field, then twice more at submit without a change: one entry.
    expect(run([edit(0), check(100, true), press(2000), check(2010, true), press(4000), check(4010, true)])).toEqual([])
  })

  it('stays quiet for a visitor correcting one typo', () => {
    expect(
      run([
        edit(0),
        check(200, true),
        edit(3000),
        check(3200, false),
        press(5000),
        check(5010, false),
        answer(5500, false),
        leave(9000),
      ]),
    ).toEqual([])
  })

  it('stays quiet for a field validated as you type that turns valid', () => {
    // Typing a postcode: invalid while incomplete (no commit point), valid when left.
    const typing = Array.from({ length: 7 }, (_, i) => edit(i * 150))
    expect(run([...typing, check(1200, false), press(3000), answer(3500, false)])).toEqual([])
  })

  it('forgets rejections older than the window', () => {
    const late = FORM_INVALID_WINDOW_MS + 1
    expect(run([edit(0), check(10, true), edit(20), check(30, true), edit(late + 40), check(late + 50, true)])).toEqual(
      [],
    )
  })

  it('calls a field cleared and refilled three times in a minute reentry', () => {
    const rs = [edit(0), ...retype(10_000), ...retype(20_000), ...retype(30_000)]
    expect(run(rs)).toEqual([{ why: 'reentry', k: 'card', n: FORM_REENTRY_MIN, ms: 20_000, t: 10_500 }])
  })

  it('does not call reentry when the refills are spread over more than the window', () => {
    const gap = FORM_REENTRY_WINDOW_MS / 2 + 1000
    expect(run([edit(0), ...retype(gap), ...retype(2 * gap), ...retype(3 * gap)])).toEqual([])
  })

  it('does not count autofill or a script clearing the field as retyping', () => {
    // Autofill fills, a script resets; the visitor types once after each.
    const rs = [
      edit(0, false, false),
      edit(1000, true, false),
      edit(2000),
      edit(3000, true, false),
      edit(4000),
      edit(5000, true, false),
      edit(6000),
    ]
    expect(run(rs)).toEqual([])
  })

  it('does not count an autofilled field the page flags as a rejection of the visitor', () => {
    expect(
      run([
        edit(0, false, false),
        check(100, true),
        press(500),
        check(510, true),
        answer(1000, true),
        press(2000),
        check(2010, true),
      ]),
    ).toEqual([])
  })

  it('raises one signal per field episode, and again after the page accepted an entry', () => {
    const rs = [
      edit(0),
      ...retype(1000),
      ...retype(2000),
      ...retype(3000),
      ...retype(4000),
      ...retype(5000),
      ...retype(6000),
    ]
    expect(run(rs).length).toBe(1)
    const again = [...rs, check(7000, false), ...retype(8000), ...retype(9000), ...retype(10_000)]
    expect(run(again).map((d) => d.why)).toEqual(['reentry', 'reentry'])
  })

  it('calls a form whose submit is refused twice submit_blocked, once', () => {
    const rs = [
      edit(0),
      press(1000),
      answer(1500, true),
      press(3000),
      answer(3500, true),
      press(5000),
      answer(5500, true),
    ]
    expect(run(rs)).toEqual([{ why: 'submit_blocked', k: 'checkout', n: FORM_BLOCKED_MIN, ms: 2000, t: 1500 }])
  })

  it('stays quiet for a multi-step form moving on', () => {
    // Step one: refused once (a missed field), then it moves on; step two goes through.
    const rs = [
      edit(0),
      press(1000),
      answer(1500, true),
      edit(2000),
      press(3000),
      answer(3500, false),
      edit(5000, false, true, 'street'),
      press(8000),
      answer(8500, false),
      leave(9000),
    ]
    expect(run(rs)).toEqual([])
  })

  it('calls a form left after editing without submitting abandon, on leaving only', () => {
    const rs = [edit(0), edit(500, false, true, 'email'), check(600, false, 'email')]
    expect(run(rs)).toEqual([])
    expect(run([...rs, leave(10_000)])).toEqual([{ why: 'abandon', k: 'checkout', n: 2, ms: 0, t: 10_000 }])
  })

  it('does not call a form abandoned while its submit is on its way (the page is leaving because of it)', () => {
    expect(run([edit(0), press(1000), leave(1100)])).toEqual([])
  })

  it('calls a form abandoned after its submit was refused', () => {
    expect(run([edit(0), press(1000), answer(1500, true), leave(5000)]).map((d) => d.why)).toEqual(['abandon'])
  })

  it('never calls a field outside any form abandoned or blocked (the adapter leaves search boxes out altogether)', () => {
    const rs = [edit(0, false, true, 'note', null), edit(1000, false, true, 'note', null), leave(40_000)]
    expect(run(rs)).toEqual([])
  })

  it('does not call autofill alone an edited form', () => {
    expect(run([edit(0, false, false), edit(10, false, false, 'email'), leave(5000)])).toEqual([])
  })
})
