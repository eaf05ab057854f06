import type { Ctx } from '../ext/Ctx'
import type { SignalEvent } from '../wire'
import { createFormStruggle, type FormDecision, type FormRecord } from '../detect/formStruggle'
import { rid } from '../core/rid'
import { selector } from '../describe/selector'
import { fieldLabel } from './lib/fieldKind'
import { listen, page } from './lib/chunk'

/** Fields watched: what a visitor types into or chooses (not buttons, boxes, files, sliders). */
export const FIELDS =
  'textarea,select,input:not([type=hidden],[type=submit],[type=button],[type=image],[type=reset],[type=checkbox],[type=radio],[type=file],[type=range],[type=color])'

/** Search forms and boxes: retyping them is browsing, leaving them is not abandoning a form. */
const SEARCH_FORM = '[role=search],search *,form[action*=search]'
const SEARCH = `[type=search],[role=searchbox],[role=search] *,search *,form[action*=search] *`

/** Buttons that submit their form. */
const SUBMITS = 'button:not([type=button],[type=reset],[type=menu]),input[type=submit],input[type=image]'

/**
 * Where a site shows a field's error: an alert, or an element whose class or id says error
 * or invalid. Only looked for right beside the field (see `shows`).
 */
const ERRORS = '[role=alert],[aria-live=assertive],[class*=error],[class*=invalid],[id*=error]'

/**
 * How long after a field is left its verdict is read, ms: validators run on blur or
 * change, some after a debounce of a couple of hundred ms.
 */
export const FORM_BLUR_SETTLE_MS = 400

/**
 * How long a submit attempt waits for the page's answer, ms: native validation answers at
 * once; a site's script (or a quick server check) within a second or two. A page that
 * leaves meanwhile was submitted.
 */
export const FORM_ANSWER_MS = 2000

/** Wire `ms` of form struggles is rounded to this, ms: no key timing leaves the page, only how long the bout took. */
export const FORM_MS_GRAIN = 1000

const visible = (e: Element) => e.getClientRects().length > 0 && !!e.textContent?.trim()

/** Whether the page shows `f` as wrong: `aria-invalid`, its `aria-errormessage`, or an error message right beside it. */
function shows(f: Element): boolean {
  const ai = f.getAttribute('aria-invalid')
  if (ai && ai != 'false') return true
  const em = document.getElementById(f.getAttribute('aria-errormessage') || '')
  if (em && visible(em)) return true
  // Beside it: in its own wrapper (label or parent) when that wrapper holds no other field.
  let box = f.parentElement
  if (box?.localName == 'label') box = box.parentElement
  if (!box || box.localName == 'form' || box.querySelectorAll(FIELDS).length > 1) {
    const next = f.nextElementSibling
    return !!next && next.matches(ERRORS) && visible(next)
  }
  for (const m of box.querySelectorAll(ERRORS)) if (m != f && !m.contains(f) && visible(m)) return true
  return false
}

/**
 * The form watcher (forms chunk): feeds the form-struggle detector from the DOM and
 * emits its decisions as `form_struggle` signals. Starts when the page has a field, or
 * when the visitor first focuses one. Reads no value: only whether a field is empty,
 * and what the page says of it. Returns `leave`, for the end of a page view (abandon:
 * sent with the unload beacon, not scored, so never an alert by itself). `early`: the form
 * events (input, focusout, invalid, click, submit) the page saw while this code loaded (the
 * boot chunk keeps them), fed first.
 */
export function watchForms(c: Ctx, early: readonly Event[] = []): () => void {
  const detect = createFormStruggle()
  const ans = new Set<unknown>()
  const sent = new Map<unknown, Element>()
  const bad = new Set<unknown>()
  const edited = new Set<Element>()
  let running = false

  // Search boxes are not watched at all: retyping them is browsing, leaving them is not abandoning.
  const field = (t: EventTarget | null): HTMLInputElement | null =>
    t instanceof Element && t.matches(FIELDS) && !t.matches(SEARCH) && !t.closest('[data-wince-ignore]')
      ? // Matches FIELDS (input, select, textarea): the value-bearing controls, read as inputs.
        (t as HTMLInputElement)
      : null
  const formOf = (f: HTMLInputElement) => f.form
  const label = (why: string, el: Element) =>
    fieldLabel(
      why,
      el,
      // Only read on elements that have labels (undefined elsewhere, hence ?.).
      c.st?.allowText ? (el as HTMLInputElement).labels?.[0]?.textContent || el.getAttribute('aria-label') : '',
    )

  const say = (d: FormDecision) => {
    // The form detector's `k` is the field or form element it was given.
    const el = (d.why == 'submit_blocked' ? sent.get(d.k) : 0) || (d.k as Element)
    const sel = selector(el)
    // The form detector's `k` is the field or form element it was given.
    const lb = label(d.why, d.k as Element)
    const ms = Math.round(d.ms / FORM_MS_GRAIN) * FORM_MS_GRAIN
    if (d.why == 'abandon') {
      // On the way out: queued with the unload beacon, told to the page, not scored.
      const ev: SignalEvent = {
        k: 'signal',
        type: 'form_struggle',
        id: rid(),
        t: Date.now(),
        u: page(),
        sel,
        lb,
        x: 0,
        y: 0,
        n: d.n,
        ms,
        why: d.why,
      }
      c.q(ev, true)
      c.p('signal', { ...ev })
      return
    }
    const r = el.getBoundingClientRect()
    c.e({
      type: 'form_struggle',
      x: Math.round(r.x + r.width / 2),
      y: Math.round(r.y + r.height / 2),
      t: d.t,
      n: d.n,
      ms,
      why: d.why,
      sel,
      lb,
    })
  }
  const feed = (r: FormRecord) => detect(r).forEach(say)

  const attempt = (form: HTMLFormElement | null, by?: Element | null) => {
    // A search is not a form to get through.
    if (!form || ans.has(form) || form.matches(SEARCH_FORM)) return
    ans.add(form)
    bad.delete(form)
    if (by) sent.set(form, by)
    feed({ k: 'press', form, t: performance.now() })
    setTimeout(() => {
      ans.delete(form)
      let wrong = bad.has(form)
      if (form.isConnected)
        for (const f of form.querySelectorAll(FIELDS)) {
          if (f.matches(SEARCH)) continue
          const b = shows(f)
          wrong ||= b
          feed({ k: 'check', f, form, t: performance.now(), bad: b })
        }
      feed({ k: 'answer', form, t: performance.now(), bad: wrong })
    }, FORM_ANSWER_MS)
  }

  const start = () => {
    if (running) return
    running = true
    const input = (e: Event) => {
      const f = field(e.target)
      if (!f) return
      let auto = false
      try {
        auto = f.matches(':autofill')
      } catch {}
      // The visitor typed, pasted or deleted: a trusted input event that is not autofill
      // (Chrome's autofill and datalist picks are `insertReplacementText`, or plain Events).
      const v =
        e.isTrusted &&
        !auto &&
        (e instanceof InputEvent ? e.inputType != 'insertReplacementText' : f.localName == 'select')
      if (v) edited.add(f)
      feed({ k: 'edit', f, form: formOf(f), t: e.timeStamp, empty: f.value == '', v })
    }
    const on: Record<string, (e: never) => void> = {
      input,
      focusout: (e: FocusEvent) => {
        const f = field(e.target)
        if (!f || !edited.delete(f)) return
        setTimeout(
          () => feed({ k: 'check', f, form: formOf(f), t: performance.now(), bad: shows(f) }),
          FORM_BLUR_SETTLE_MS,
        )
      },
      // The browser refused the field (a submit or reportValidity): `invalid` does not bubble; capture sees it.
      invalid: (e: Event) => {
        const f = field(e.target)
        if (!f) return
        const form = formOf(f)
        if (form) bad.add(form)
        feed({ k: 'check', f, form, t: e.timeStamp, bad: true })
      },
      // A submit button pressed (Enter in a field presses the default one, detail 0).
      click: (e: MouseEvent) => {
        const b = e.target instanceof Element ? e.target.closest(SUBMITS) : null
        // A match of SUBMITS (button, input): `form` is undefined on anything else, which attempt() ignores.
        if (b && !b.closest('[data-wince-ignore]')) attempt((b as HTMLButtonElement).form, b)
      },
      // A submit event's target is its form.
      submit: (e: SubmitEvent) => attempt(e.target as HTMLFormElement, e.submitter),
    }
    // What happened while this chunk loaded first, in order; then the live events.
    for (const e of early) on[e.type]?.(e as never)
    // `type` is a key of `on`.
    for (const type in on) listen(c, type, on[type]!)
  }

  if (document.querySelector(FIELDS)) start()
  // No field yet: the first one the visitor focuses starts the watcher.
  else listen(c, 'focusin', (e: FocusEvent) => field(e.target) && start())

  return () => running && feed({ k: 'leave', t: performance.now() })
}
