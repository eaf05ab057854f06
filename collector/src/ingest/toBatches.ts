import type { Beacon, WireEvent } from '@wince/snippet/wire'
import type { SpoolBatch } from '../store/Spool.ts'
import type { Table } from '../store/Writer.ts'
import { viewportClass } from './viewportClass.ts'
import { sampled } from './sampled.ts'
import type { AlertContext } from '../live/alertContext.ts'
import type { Agent } from './parseUserAgent.ts'

/** A string as JSON text. */
const q = JSON.stringify

/**
 * Turns valid events into rows, one batch per table, each row written straight
 * as JSONEachRow text (the columns of `migrations/`): no row objects to build and
 * encode again on the busiest path of the collector. Clicks are kept for the share
 * `clickSample` (0–1) of page views, chosen by page-view id so a page view's clicks
 * are all kept or all dropped. Page views carry the visitor's device class, browser and
 * OS families (`agent`, parsed once per beacon) for segments.
 */
export function toBatches(
  env: Pick<Beacon, 's' | 'sid' | 'pv'>,
  events: WireEvent[],
  clickSample = 1,
  extra: BatchExtra = {},
): SpoolBatch[] {
  const rows: Record<Table, string[]> = {
    signals: [],
    page_views: [],
    alerts: [],
    clicks: [],
    scroll_depth: [],
    vitals: [],
    goals: [],
  }
  const agent = extra.agent
  const segment = agent ? `,"device":${q(agent.device)},"browser":${q(agent.browser)},"os":${q(agent.os)}` : ''
  const keepClicks = sampled(env.pv, clickSample)
  // The columns every row shares, once per beacon.
  const head = `{"site":${q(env.s)},"session":${q(env.sid)},"page_view":${q(env.pv)}${extra.skew ? `,"skew":${extra.skew}` : ''}`
  for (const e of events) {
    const common = `${head},"ts":${e.t},"id":${q(e.id)},"url":${q(e.u)}`
    if (e.k === 'signal') {
      rows.signals.push(
        `${common},"type":${q(e.type)},"selector":${q(e.sel)},"label":${q(e.lb)},"x":${Math.round(e.x)},"y":${Math.round(e.y)},"n":${e.n},"ms":${e.ms},"why":${q(e.why)}${e.pt ? `,"pointer":${q(e.pt)}` : ''}${flag(extra.suppressed, e.id)}}`,
      )
    } else if (e.k === 'page')
      rows.page_views.push(`${common},"ref":${q(e.ref ?? '')},"vw":${e.vw},"vh":${e.vh}${segment}}`)
    else if (e.k === 'struggle')
      rows.alerts.push(
        `${common},"score":${e.sc},"reasons":${q(JSON.stringify(e.rs))}${contextColumns(extra.contexts?.get(e.id))}${extra.held?.has(e.id) ? ',"held":1' : ''}${flag(extra.suppressed, e.id)}${extra.explains?.has(e.id) ? `,"explain":${q(extra.explains.get(e.id))}` : ''}}`,
      )
    else if (e.k === 'click') {
      if (keepClicks) {
        rows.clicks.push(
          `${common},"vc":"${viewportClass(e.vw)}","selector":${q(e.sel)},"x":${Math.round(e.x)},"y":${Math.round(e.y)},` +
            `"dw":${Math.round(e.dw)},"dh":${Math.round(e.dh)},"gfx":${cell(e.fx)},"gfy":${cell(e.fy)}}`,
        )
      }
    } else if (e.k === 'scroll')
      rows.scroll_depth.push(
        `${common},"vc":"${viewportClass(e.vw)}","depth":${Math.round(e.d)},"height":${Math.round(e.dh)}}`,
      )
    else if (e.k === 'goal') rows.goals.push(`${common},"name":${q(e.name)},"value":${e.v}}`)
    else
      rows.vitals.push(
        `${common},"vc":"${viewportClass(e.vw)}","name":${q(e.name)},"value":${e.v},"selector":${q(e.sel)}}`,
      )
  }
  const batches: SpoolBatch[] = []
  // for…in gives string keys; `rows` is keyed by exactly the tables.
  for (const table in rows)
    if (rows[table as Table].length) batches.push({ table: table as Table, rows: rows[table as Table] })
  return batches
}

/** The alert's context columns (migration 0007), or nothing (their defaults). */
function contextColumns(c: AlertContext | undefined): string {
  if (!c) return ''
  return (
    `,"issue":${q(c.issue)},"device":${q(c.device)},"browser":${q(c.browser)},"os":${q(c.os)},"lang":${q(c.lang)},` +
    `"entry":${q(c.entry)},"referrer":${q(c.referrer)},"pages":${Math.min(65_535, c.pages)},"started_at":${c.startedAt}`
  )
}

/** What the collector adds to a beacon's rows besides the events. */
export interface BatchExtra {
  /** The page's clock minus the collector's, ms (see `clockSkew`); the events' times are already corrected. */
  skew?: number
  /** Ids of struggle events kept without alerting (see `AlertGate`). */
  held?: ReadonlySet<string>
  /** Each struggle event's alert context (migration 0007), by event id. */
  contexts?: ReadonlyMap<string, AlertContext>
  /** The visitor's device class, browser and OS families (parsed once per beacon), for segments. */
  agent?: Agent
  /** Rule ids (comma-separated) that suppressed a signal or took points off a struggle, by event id (migration 0011). */
  suppressed?: ReadonlyMap<string, string>
  /** How the collector weighed each struggle event (JSON of `AlertExplain`), by event id. */
  explains?: ReadonlyMap<string, string>
}

/** The `suppressed` column (migration 0011) of a row whose event a rule suppressed. */
const flag = (suppressed: ReadonlyMap<string, string> | undefined, id: string) => {
  const rule = suppressed?.get(id)
  return rule ? `,"suppressed":${q(rule)}` : ''
}

/** The offset inside the element snapped to a 10×10 grid (0–9 each way). */
const cell = (f: number) => Math.min(9, Math.floor(f * 10))
