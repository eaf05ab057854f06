/** A Chrome trace event (the fields this summary reads). */
interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string; data?: { url?: string; type?: string } }
}

export interface TraceSummary {
  /** Time spent in the script's functions (listeners, timers, observer callbacks), ms, nested calls counted once. */
  ownMs: number
  /** Tasks in which the script's functions ran. */
  ownTasks: number
  /** The largest share of one task spent in the script's functions, ms: its longest task of its own. */
  longestOwnPartMs: number
  /** Duration of that task as a whole (the page's own handlers may share it), ms. */
  longestTaskMs: number
  /** The longest evaluation of one of the scripts (each its own task), ms. */
  evaluateMs: number
  /** Which script that was (its file name). */
  evaluateScript: string
  /** The script's time by what called it: `pointermove`, `scroll`, `click` (listeners), `timer`, `microtask`. */
  byCaller: Record<string, { ms: number; calls: number }>
}

/**
 * Attributes main-thread time to one script in a trace taken with the
 * `devtools.timeline` categories: every `FunctionCall` whose function lives in a
 * script whose URL `isScript` accepts (event listeners, timers, MutationObserver
 * callbacks in microtasks) is summed, per top-level `RunTask` of the page's renderer.
 */
export function summarizeTrace(
  trace: { traceEvents: TraceEvent[] } | TraceEvent[],
  isScript: (url: string) => boolean,
): TraceSummary {
  const events = Array.isArray(trace) ? trace : trace.traceEvents
  const isOurs = (e: TraceEvent) => isScript((e.args?.data?.url ?? '').split('?')[0]!)
  // The renderer whose main thread ran the script.
  const first = events.find((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && isOurs(e))
  const empty: TraceSummary = {
    ownMs: 0,
    ownTasks: 0,
    longestOwnPartMs: 0,
    longestTaskMs: 0,
    evaluateMs: 0,
    evaluateScript: '',
    byCaller: {},
  }
  if (!first) return empty
  const main = events
    .filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const summary: TraceSummary = { ...empty, byCaller: {} }
  let task: TraceEvent | undefined
  let taskOwn = 0
  let inOursUntil = -1
  // Enclosing events, to name what called the script.
  const open: TraceEvent[] = []
  const caller = (): string => {
    for (let i = open.length - 1; i >= 0; i--) {
      const e = open[i]!
      if (e.name === 'RunMicrotasks') return 'microtask'
      if (e.name === 'TimerFire') return 'timer'
      if (e.name === 'EventDispatch') return e.args?.data?.type ?? 'event'
    }
    return 'other'
  }
  const closeTask = () => {
    if (task && taskOwn > 0) {
      summary.ownTasks++
      if (taskOwn > summary.longestOwnPartMs) {
        summary.longestOwnPartMs = taskOwn
        summary.longestTaskMs = task.dur! / 1000
      }
    }
  }
  for (const e of main) {
    while (open.length && open[open.length - 1]!.ts + open[open.length - 1]!.dur! <= e.ts) open.pop()
    if (e.name === 'RunTask' && (!task || e.ts >= task.ts + task.dur!)) {
      closeTask()
      task = e
      taskOwn = 0
    }
    if (e.name === 'EvaluateScript' && isOurs(e) && e.dur! / 1000 > summary.evaluateMs) {
      summary.evaluateMs = e.dur! / 1000
      summary.evaluateScript = (e.args?.data?.url ?? '').split('?')[0]!.split('/').pop()!
    }
    // Nested calls into our own code (a listener that dispatches an event) count once.
    if (e.name === 'FunctionCall' && isOurs(e) && e.ts >= inOursUntil) {
      inOursUntil = e.ts + e.dur!
      summary.ownMs += e.dur! / 1000
      taskOwn += e.dur! / 1000
      const by = (summary.byCaller[caller()] ??= { ms: 0, calls: 0 })
      by.ms += e.dur! / 1000
      by.calls++
    }
    open.push(e)
  }
  closeTask()
  return summary
}
