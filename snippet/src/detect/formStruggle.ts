/**
 * Form struggle, pure: a field that keeps rejecting the visitor's entry, a field cleared
 * and typed again and again, a form whose submit keeps being refused, a form left
 * half-filled. It never sees a value: the DOM adapter (the boot chunk's form watcher)
 * turns events into the records below, which hold only opaque handles of fields and
 * forms, whether a field is empty, and whether the page shows it as invalid.
 *
 * One decision per field episode: once a field has raised its signal it stays quiet
 * until the page accepts an entry of it (a valid check); a form raises `submit_blocked`
 * once until a submit goes through, and `abandon` once per page view.
 */

/**
 * Rejections of one field, each of a new entry (the visitor edited it since the last
 * one), before it is struggle. One rejected entry is a typo; two can be a second typo;
 * the third time the site refuses what the visitor means, it is the field, not them.
 */
export const FORM_INVALID_MIN = 3

/**
 * How long a rejection counts towards {@link FORM_INVALID_MIN}: two minutes hold one go at
 * a form (three tries at a card number); a typo corrected now and another much later are
 * not one struggle.
 */
export const FORM_INVALID_WINDOW_MS = 120_000

/**
 * Times one field is cleared and filled again within {@link FORM_REENTRY_WINDOW_MS}. Once is
 * a correction, twice a change of mind; three times the visitor is guessing what the field wants.
 */
export const FORM_REENTRY_MIN = 3

/** The window of {@link FORM_REENTRY_MIN}: a minute holds one bout of retyping, not a whole visit. */
export const FORM_REENTRY_WINDOW_MS = 60_000

/**
 * Submit attempts answered by validation errors before it is struggle: the first refusal
 * is how most forms point out a missed field; a second one means the errors did not help.
 */
export const FORM_BLOCKED_MIN = 2

/** The reasons of a form struggle, sent in `why`. */
export type FormWhy = 'invalid' | 'reentry' | 'submit_blocked' | 'abandon'

/** What the adapter saw. `f` is a field handle, `form` its form's (null: a field outside any form). */
export type FormRecord =
  /** The field's value changed. `v`: the visitor typed, pasted or deleted (not autofill, not a script). */
  | { k: 'edit'; f: unknown; form: unknown; t: number; empty: boolean; v: boolean }
  /** The page's verdict on a field at a commit point (left after an edit, a submit, the browser's `invalid` event). */
  | { k: 'check'; f: unknown; form: unknown; t: number; bad: boolean }
  /** A submit attempt of a form (a submit button pressed, Enter, a submit event). */
  | { k: 'press'; form: unknown; t: number }
  /** How the page answered that attempt: `bad` when it showed validation errors. */
  | { k: 'answer'; form: unknown; t: number; bad: boolean }
  /** The visitor leaves the page view. */
  | { k: 'leave'; t: number }

/** A decision: the field (or form, for `submit_blocked` and `abandon`) and its evidence. */
export interface FormDecision {
  why: FormWhy
  /** Field or form handle. */
  k: unknown
  /** Rejections, refills, refused attempts, or fields edited (abandon). */
  n: number
  /** From the first piece of evidence to the decision, ms. */
  ms: number
  /** When the evidence started. */
  t: number
}

interface Field {
  _form: unknown
  /** Edited by the visitor since its last counted rejection. */
  _dirty: boolean
  /** Times of the counted rejections of the current episode. */
  _rej: number[]
  /** Had content, then the visitor emptied it: the next filling is a refill. */
  _had: boolean
  _cleared: boolean
  _refills: number[]
  /** Raised its signal: quiet until the page accepts an entry. */
  _spent: boolean
}

interface Form {
  _blocked: number[]
  _spent: boolean
  /** Fields the visitor edited since the last attempt that went through. */
  _edited: Set<unknown>
  /** An attempt is waiting for its answer: leaving now is the form moving on. */
  _pending: boolean
}

/** Creates a detector: feed it records in time order; it returns the decisions each one completes. */
export function createFormStruggle() {
  const fields = new Map<unknown, Field>()
  const forms = new Map<unknown, Form>()
  const field = (f: unknown, form: unknown): Field => {
    let s = fields.get(f)
    if (!s)
      fields.set(
        f,
        (s = { _form: form, _dirty: false, _rej: [], _had: false, _cleared: false, _refills: [], _spent: false }),
      )
    return s
  }
  const formOf = (form: unknown): Form => {
    let s = forms.get(form)
    if (!s) forms.set(form, (s = { _blocked: [], _spent: false, _edited: new Set(), _pending: false }))
    return s
  }
  const decide = (why: FormWhy, k: unknown, times: number[]): FormDecision => ({
    why,
    k,
    n: times.length,
    // Called only once times holds its reason's minimum (≥ 2) entries.
    ms: times[times.length - 1]! - times[0]!,
    t: times[0]!,
  })

  return (r: FormRecord): FormDecision[] => {
    if (r.k == 'edit') {
      const s = field(r.f, r.form)
      if (r.v) {
        s._dirty = true
        if (r.form) formOf(r.form)._edited.add(r.f)
      }
      if (r.empty) {
        // Only the visitor's clearing counts: a script resetting a field is the page's doing.
        s._cleared = s._had && r.v
        s._had = false
        return []
      }
      const refill = s._cleared && r.v
      s._had = true
      s._cleared = false
      if (!refill) return []
      s._refills = s._refills.filter((t) => t > r.t - FORM_REENTRY_WINDOW_MS)
      s._refills.push(r.t)
      if (s._spent || s._refills.length < FORM_REENTRY_MIN) return []
      s._spent = true
      const d = decide('reentry', r.f, s._refills)
      s._refills = []
      return [d]
    }
    if (r.k == 'check') {
      const s = field(r.f, r.form)
      if (!r.bad) {
        // The page accepts an entry: the episode is over. Earlier rejections still count
        // for a while: a site that clears its error while the visitor types looks valid
        // when they leave the field, and refuses the entry again at the next submit.
        s._spent = false
        return []
      }
      // The same entry refused again (a second submit, a second blur) is not a new rejection.
      if (!s._dirty) return []
      s._dirty = false
      s._rej = s._rej.filter((t) => t > r.t - FORM_INVALID_WINDOW_MS)
      s._rej.push(r.t)
      if (s._spent || s._rej.length < FORM_INVALID_MIN) return []
      s._spent = true
      const d = decide('invalid', r.f, s._rej)
      s._rej = []
      return [d]
    }
    if (r.k == 'press') {
      formOf(r.form)._pending = true
      return []
    }
    if (r.k == 'answer') {
      const s = formOf(r.form)
      s._pending = false
      if (!r.bad) {
        // It went through (or the form moved on to its next step): nothing is left unsent.
        s._blocked = []
        s._spent = false
        s._edited.clear()
        return []
      }
      s._blocked.push(r.t)
      if (s._spent || s._blocked.length < FORM_BLOCKED_MIN) return []
      s._spent = true
      const d = decide('submit_blocked', r.form, s._blocked)
      s._blocked = []
      return [d]
    }
    // Leaving: each form the visitor edited and did not get through (and is not submitting right now).
    const out: FormDecision[] = []
    for (const [form, s] of forms)
      if (s._edited.size && !s._pending) out.push({ why: 'abandon', k: form, n: s._edited.size, ms: 0, t: r.t })
    forms.clear()
    fields.clear()
    return out
  }
}

export type FormStruggle = ReturnType<typeof createFormStruggle>
