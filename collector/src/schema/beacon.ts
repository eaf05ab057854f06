import { z } from 'zod'
import type { Beacon, WireEvent } from '@wince/snippet/wire'
import { SIGNAL_TYPES, WIRE_VERSION } from '@wince/snippet/wire'
import { id } from '../validate/id.ts'
import { GOAL_NAME_MAX, goalName } from '../validate/goalName.ts'

/** Bounds on every field: a beacon is stranger-supplied input. */
export const LIMITS = {
  /** Events per beacon: a 60 KB body holds a few hundred small events at most. */
  eventsPerBeacon: 500,
  /** Reasons per struggle alert. */
  reasonsPerAlert: 20,
  /** The length in the one id rule (validate/id.ts, ID_RULE), which the beacon's ids follow. */
  idLength: 64,
  urlLength: 2048,
  selectorLength: 512,
  labelLength: 128,
  whyLength: 128,
  /** `PointerEvent.pointerType` (`mouse`, `touch`, `pen`; browsers may add their own words). */
  pointerTypeLength: 16,
  /** The one goal name rule's (validate/goalName.ts). */
  goalNameLength: GOAL_NAME_MAX,
  /** A goal's value (an order total, in any currency): bounded so sums stay exact in Float64. */
  goalValueMax: 1e9,
} as const

/** Lone UTF-16 surrogates: not text, and ClickHouse refuses them, which would hold up a whole insert. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
/** Free text of at most `max` characters, made well-formed (a lone surrogate becomes U+FFFD). */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(LONE_SURROGATE, '\ufffd'))

/** Epoch ms between 2020 and 2100: anything else is a broken clock or a forgery. */
const epochMs = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000)
const url = z
  .string()
  .max(LIMITS.urlLength)
  .regex(/^https?:\/\//, 'an http(s) URL')
  .transform((s) => s.replace(LONE_SURROGATE, '\ufffd'))
const coord = z.number().finite().min(-100_000).max(1_000_000)
const count = z.number().int().min(0).max(1_000_000)
// z.enum wants a non-empty tuple; SIGNAL_TYPES is a non-empty const list.
const signalType = z.enum(SIGNAL_TYPES as [(typeof SIGNAL_TYPES)[number], ...(typeof SIGNAL_TYPES)[number][]])

const base = { id, t: epochMs, u: url }

export const pageEventSchema = z.strictObject({
  ...base,
  k: z.literal('page'),
  vw: z.number().int().min(0).max(20_000),
  vh: z.number().int().min(0).max(20_000),
  ref: url.optional(),
})

export const signalEventSchema = z.strictObject({
  ...base,
  k: z.literal('signal'),
  type: signalType,
  sel: text(LIMITS.selectorLength),
  lb: text(LIMITS.labelLength),
  x: coord,
  y: coord,
  n: count,
  ms: count,
  why: text(LIMITS.whyLength),
  pt: text(LIMITS.pointerTypeLength).optional(),
})

export const reasonSchema = z.strictObject({
  type: signalType,
  sel: text(LIMITS.selectorLength),
  lb: text(LIMITS.labelLength),
  t: epochMs,
  n: count,
  pts: z.number().finite().min(0).max(1_000_000),
})

export const struggleEventSchema = z.strictObject({
  ...base,
  k: z.literal('struggle'),
  sc: z.number().finite().min(0).max(1_000_000),
  rs: z.array(reasonSchema).max(LIMITS.reasonsPerAlert),
})

const fraction = z.number().finite().min(0).max(1)
const docPx = z.number().finite().min(0).max(1_000_000)
const width = z.number().int().min(0).max(20_000)

export const clickEventSchema = z.strictObject({
  ...base,
  k: z.literal('click'),
  x: docPx,
  y: docPx,
  vw: width,
  dw: docPx,
  dh: docPx,
  sel: text(LIMITS.selectorLength),
  fx: fraction,
  fy: fraction,
})

export const scrollEventSchema = z.strictObject({
  ...base,
  k: z.literal('scroll'),
  d: docPx,
  dh: docPx,
  vw: width,
})

export const vitalEventSchema = z.strictObject({
  ...base,
  k: z.literal('vital'),
  name: z.enum(['LCP', 'INP', 'CLS']),
  /** ms for LCP and INP (an hour at most), unitless for CLS. */
  v: z.number().finite().min(0).max(3_600_000),
  sel: text(LIMITS.selectorLength),
  vw: width,
})

export const goalEventSchema = z.strictObject({
  ...base,
  k: z.literal('goal'),
  name: goalName,
  v: z.number().finite().min(0).max(LIMITS.goalValueMax),
})

export const eventSchema = z.discriminatedUnion('k', [
  pageEventSchema,
  signalEventSchema,
  struggleEventSchema,
  clickEventSchema,
  scrollEventSchema,
  vitalEventSchema,
  goalEventSchema,
])

/** The envelope; events are validated one by one so one bad event never drops the rest. */
export const envelopeSchema = z.strictObject({
  v: z.literal(WIRE_VERSION),
  s: id,
  sid: id,
  pv: id,
  t: epochMs.optional(),
  ev: z.array(z.unknown()).min(1).max(LIMITS.eventsPerBeacon),
})

// Compile-time proof that the schema accepts exactly the wire types.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const eventMatchesWire: Equals<z.infer<typeof eventSchema>, WireEvent> = true
const envelopeMatchesWire: Equals<Omit<z.infer<typeof envelopeSchema>, 'ev'>, Omit<Beacon, 'ev'>> = true
void eventMatchesWire
void envelopeMatchesWire

/** A validation failure in words: which field, what was expected. */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
      return `${path || '(body)'}: ${issue.message}`
    })
    .join('; ')
}
