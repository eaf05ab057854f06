import type { Beacon, PageEvent, SignalEvent, StruggleEvent, WireEvent } from '@wince/snippet/wire'
import type { SpoolBatch } from '../store/Spool.ts'

/** Turns valid events into rows, one batch per table. */
export function toBatches(env: Pick<Beacon, 's' | 'sid' | 'pv'>, events: WireEvent[]): SpoolBatch[] {
  const signals: Record<string, unknown>[] = []
  const views: Record<string, unknown>[] = []
  const alerts: Record<string, unknown>[] = []
  for (const e of events) {
    const common = { site: env.s, ts: e.t, id: e.id, session: env.sid, page_view: env.pv, url: e.u }
    if (e.k === 'signal') signals.push(signalRow(e, common))
    else if (e.k === 'page') views.push(pageRow(e, common))
    else alerts.push(alertRow(e, common))
  }
  return [
    { table: 'signals', rows: signals },
    { table: 'page_views', rows: views },
    { table: 'alerts', rows: alerts },
  ]
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
