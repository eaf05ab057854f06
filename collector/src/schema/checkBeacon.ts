import type {
  Beacon,
  ClickEvent,
  GoalEvent,
  PageEvent,
  Reason,
  ScrollEvent,
  SignalEvent,
  StruggleEvent,
  VitalEvent,
  WireEvent,
} from '@wince/snippet/wire'
import { SIGNAL_TYPES, WIRE_VERSION } from '@wince/snippet/wire'
import { LIMITS } from './beacon.ts'
import { ID_RULE } from '../validate/id.ts'
import { isGoalName } from '../validate/goalName.ts'

/**
 * The ingest path's validator: the same rules as the zod schema in `beacon.ts`, written
 * out for speed (a beacon's events are checked in well under a microsecond each, with
 * no result objects). It only says yes or no; for a no, the zod schema gives the reason
 * in words. The two are held to the same verdicts by a test over thousands of generated
 * events, and every wire field must have a check here (a compile-time error otherwise).
 */

const BAD: unique symbol = Symbol('bad')
type Bad = typeof BAD

/** Checks one value; returns it (text made well-formed) or `BAD`. */
type Field<T> = (v: unknown) => T | Bad

/** A check for every field of `T`, none missing, none extra; optional fields accept `undefined`. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is the standard test for an optional key.
type Spec<T> = { readonly [K in keyof T]-?: {} extends Pick<T, K> ? Field<T[K] | undefined> : Field<T[K]> }

const HTTP = /^https?:\/\//

/** Free text of at most `max` characters; a lone surrogate becomes U+FFFD (ClickHouse refuses them). */
const text =
  (max: number): Field<string> =>
  (v) =>
    typeof v === 'string' && v.length <= max ? (v.isWellFormed() ? v : v.toWellFormed()) : BAD

const id: Field<string> = (v) => (typeof v === 'string' && ID_RULE.test(v) ? v : BAD)

const url: Field<string> = (v) =>
  typeof v === 'string' && v.length <= LIMITS.urlLength && HTTP.test(v)
    ? v.isWellFormed()
      ? v
      : v.toWellFormed()
    : BAD

const optional =
  <T>(check: Field<T>): Field<T | undefined> =>
  (v) =>
    v === undefined ? v : check(v)

/** A finite number in [min, max]; whole when `int`. */
const num =
  (min: number, max: number, int = false): Field<number> =>
  (v) =>
    typeof v === 'number' && v >= min && v <= max && (!int || Number.isInteger(v)) ? v : BAD

const literal =
  <T extends string | number>(value: T): Field<T> =>
  (v) =>
    v === value ? value : BAD

const oneOf = <T extends string>(values: readonly T[]): Field<T> => {
  const set = new Set<unknown>(values)
  // `v` is one of `values`, which are T.
  return (v) => (set.has(v) ? (v as T) : BAD)
}

const array =
  <T>(item: Field<T>, max: number): Field<T[]> =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return BAD
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i])
      if (r === BAD) return BAD
      v[i] = r
    }
    // Every item passed `each` just above, so this is a T[].
    return v as T[]
  }

/**
 * A plain object with exactly the spec's fields (no others). Checks in place: a
 * value made well-formed replaces the original in the object, which is returned.
 */
function object<T>(spec: Spec<T>): Field<T> {
  const keys = Object.keys(spec)
  // The values of a spec are Fields (its type says so per key).
  const checks = Object.values(spec) as Array<Field<unknown>>
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return BAD
    // A non-null, non-array object (checked above).
    const o = v as Record<string, unknown>
    let present = 0
    for (let i = 0; i < keys.length; i++) {
      // i < keys.length.
      const key = keys[i]!
      // Every key here is a plain name, none inherited from Object.prototype.
      const x = o[key]
      // checks is as long as keys.
      const r = checks[i]!(x)
      if (r === BAD) return BAD
      if (x !== undefined) {
        present++
        if (r !== x) o[key] = r
      }
    }
    // No other keys: as many keys as known fields present (an own `__proto__` from JSON.parse counts too).
    for (const _ in o) present--
    // Every field of the spec passed and there is no other key: o is a T.
    return present === 0 ? (o as T) : BAD
  }
}

/** Epoch ms between 2020 and 2100: anything else is a broken clock or a forgery. */
const epochMs = num(1_577_836_800_000, 4_102_444_800_000, true)
const coord = num(-100_000, 1_000_000)
const count = num(0, 1_000_000, true)
const signalType = oneOf(SIGNAL_TYPES)
const fraction = num(0, 1)
const docPx = num(0, 1_000_000)
const width = num(0, 20_000, true)
const selector = text(LIMITS.selectorLength)
const label = text(LIMITS.labelLength)

const goalName: Field<string> = (v) => (typeof v === 'string' && isGoalName(v) ? v : BAD)

const reason = object<Reason>({
  type: signalType,
  sel: selector,
  lb: label,
  t: epochMs,
  n: count,
  pts: num(0, 1_000_000),
})

const byKind: { readonly [K in WireEvent['k']]: Field<Extract<WireEvent, { k: K }>> } = {
  page: object<PageEvent>({ id, t: epochMs, u: url, k: literal('page'), vw: width, vh: width, ref: optional(url) }),
  signal: object<SignalEvent>({
    id,
    t: epochMs,
    u: url,
    k: literal('signal'),
    type: signalType,
    sel: selector,
    lb: label,
    x: coord,
    y: coord,
    n: count,
    ms: count,
    why: text(LIMITS.whyLength),
    pt: optional(text(LIMITS.pointerTypeLength)),
  }),
  struggle: object<StruggleEvent>({
    id,
    t: epochMs,
    u: url,
    k: literal('struggle'),
    sc: num(0, 1_000_000),
    rs: array(reason, LIMITS.reasonsPerAlert),
  }),
  click: object<ClickEvent>({
    id,
    t: epochMs,
    u: url,
    k: literal('click'),
    x: docPx,
    y: docPx,
    vw: width,
    dw: docPx,
    dh: docPx,
    sel: selector,
    fx: fraction,
    fy: fraction,
  }),
  scroll: object<ScrollEvent>({ id, t: epochMs, u: url, k: literal('scroll'), d: docPx, dh: docPx, vw: width }),
  vital: object<VitalEvent>({
    id,
    t: epochMs,
    u: url,
    k: literal('vital'),
    name: oneOf(['LCP', 'INP', 'CLS']),
    v: num(0, 3_600_000),
    sel: selector,
    vw: width,
  }),
  goal: object<GoalEvent>({
    id,
    t: epochMs,
    u: url,
    k: literal('goal'),
    name: goalName,
    v: num(0, LIMITS.goalValueMax),
  }),
}

/**
 * The event if it is valid (checked in place: text fields made well-formed), else
 * undefined; then `eventSchema` tells why.
 */
export function checkEvent(v: unknown): WireEvent | undefined {
  // A non-null object (checked just before): reading `k` is safe.
  const k = typeof v === 'object' && v !== null ? (v as { k?: unknown }).k : undefined
  if (typeof k !== 'string' || !Object.hasOwn(byKind, k)) return undefined
  // An own key of byKind (checked above), so one of the kinds.
  const r = byKind[k as WireEvent['k']](v)
  return r === BAD ? undefined : r
}

const envelope = object<Omit<Beacon, 'ev'> & { ev: unknown[] }>({
  v: literal(WIRE_VERSION),
  s: id,
  sid: id,
  pv: id,
  t: optional(epochMs),
  ev: (v) => (Array.isArray(v) && v.length >= 1 && v.length <= LIMITS.eventsPerBeacon ? v : BAD),
})

/** The envelope (events not yet checked) if valid, else undefined; then `envelopeSchema` tells why. */
export function checkEnvelope(v: unknown): (Omit<Beacon, 'ev'> & { ev: unknown[] }) | undefined {
  const r = envelope(v)
  return r === BAD ? undefined : r
}
