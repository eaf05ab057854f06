import { readdirSync, readFileSync } from 'node:fs'

/** What a bench child says to its parent over IPC. */
export type ChildReport =
  | { kind: 'ready'; url: string }
  | { kind: 'counted'; signals: number; pageViews: number; rssPeak: number; rss: number; threads: ThreadCpu }
  | { kind: 'rss'; rssPeak: number; rss: number }
  | { kind: 'profiled' }

/** What the parent asks a bench child. */
export type ChildRequest =
  /** Forget the peak RSS: a measured window starts (answered with `rss`). */
  | { kind: 'window' }
  /** Flush the writer and count the stored rows (collector only; the no-op answers zeros). */
  | { kind: 'count' }
  /** Current and peak RSS. */
  | { kind: 'rss' }
  /** Start the V8 CPU profiler (answered with `profiled`). */
  | { kind: 'profile-start' }
  /** Stop it and write the `.cpuprofile` to `file` (answered with `profiled`). */
  | { kind: 'profile-stop'; file: string }
  | { kind: 'stop' }

/** CPU time (user + system, ms) by thread name, e.g. `JS main`, `node` (V8's helpers: GC, compiler), `libuv-worker`, ClickHouse's pools. */
export type ThreadCpu = Record<string, number>

/**
 * Reads this process's CPU time per thread from /proc (Linux), grouped by thread name
 * with digits dropped (`QueryPipelineEx3` → `QueryPipelineEx`). Empty elsewhere.
 */
export function threadCpu(): ThreadCpu {
  const out: ThreadCpu = {}
  const tick = 1000 / 100 // USER_HZ is 100 on Linux
  let tasks: string[] = []
  try {
    tasks = readdirSync('/proc/self/task')
  } catch {
    return out
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      // The main thread (its id is the process's) is the one that runs JavaScript; V8's helpers are also called `node`.
      const name =
        tid === String(process.pid)
          ? 'JS main'
          : stat
              .slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
              .replace(/[\d.:-]+$/, '')
              .trim() || '?'
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out[name] = (out[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) * tick
    } catch {
      // the thread ended meanwhile
    }
  }
  return out
}

/** Samples the process's RSS every 50 ms and keeps the peak since the last reset. */
export function rssSampler() {
  let peak = 0
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()))
  const timer = setInterval(sample, 50)
  timer.unref()
  return {
    reset: () => (peak = process.memoryUsage.rss()),
    read: () => ({ rssPeak: Math.max(peak, sample()), rss: process.memoryUsage.rss() }),
    stop: () => clearInterval(timer),
  }
}

export const send = (report: ChildReport) => process.send!(report)
