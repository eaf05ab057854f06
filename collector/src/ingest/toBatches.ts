import type { Beacon, ClickEvent, PageEvent, SignalEvent, StruggleEvent, WireEvent } from '@wince/snippet/wire'
import type { SpoolBatch } from '../store/Spool.ts'
import type { Table } from '../store/Writer.ts'
import { viewportClass } from './viewportClass.ts'
import { sampled } from './sampled.ts'

/**
 * Turns valid events into rows, one batch per table. Clicks are kept for the
 * share `clickSample` (0–1) of page views, chosen by page-view id so a page
 * view's clicks are all kept or all dropped.
 */
export function toBatches(env: Pick<Beacon, 's' | 'sid' | 'pv'>, events: WireEvent[], clickSample = 1): SpoolBatch[] {
  const rows: Record<Table, Record<string, unknown>[]> = { signals: [], page_views: [], alerts: [], clicks: [], scroll_depth: [], vitals: [] }
  const keepClicks = sampled(env.pv, clickSample)
  for (const e of events) {
    const common = { site: env.s, ts: e.t, id: e.id, session: env.sid, page_view: env.pv, url: e.u }
    if (e.k === 'signal') rows.signals.push(signalRow(e, common))
    else if (e.k === 'page') rows.page_views.push(pageRow(e, common))
    else if (e.k === 'struggle') rows.alerts.push(alertRow(e, common))
    else if (e.k === 'click') {
      if (keepClicks) rows.clicks.push(clickRow(e, common))
    } else if (e.k === 'scroll') rows.scroll_depth.push({ ...common, vc: viewportClass(e.vw), depth: Math.round(e.d), height: Math.round(e.dh) })
    else rows.vitals.push({ ...common, vc: viewportClass(e.vw), name: e.name, value: e.v, selector: e.sel })
  }
  return (Object.keys(rows) as Table[]).map((table) => ({ table, rows: rows[table] }))
}

/** The offset inside the element snapped to a 10×10 grid (0–9 each way). */
const cell = (f: number) => Math.min(9, Math.floor(f * 10))

function clickRow(e: ClickEvent, common: Record<string, unknown>) {
  return { ...common, vc: viewportClass(e.vw), selector: e.sel, x: Math.round(e.x), y: Math.round(e.y), dw: Math.round(e.dw), dh: Math.round(e.dh), gfx: cell(e.fx), gfy: cell(e.fy) }
}

function signalRow(e: SignalEvent, common: Record<string, unknown>) {
  return { ...common, type: e.type, selector: e.sel, label: e.lb, x: Math.round(e.x), y: Math.round(e.y), n: e.n, ms: e.ms, why: e.why }
}

function pageRow(e: PageEvent, common: Record<string, unknown>) {
  return { ...common, ref: e.ref ?? '', vw: e.vw, vh: e.vh }
}

function alertRow(e: StruggleEvent, common: Record<string, unknown>) {
  return { ...common, score: e.sc, reasons: JSON.stringify(e.rs) }
}
