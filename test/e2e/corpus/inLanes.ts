/** Time the wheel was held, and the whole run's, ms: how much of the run acting alone costs. */
export interface LaneStats {
  heldMs: number
  wallMs: number
}

/**
 * Runs `tasks` with at most `lanes` at once, but lets only one at a time hold the wheel
 * (`drive`): a scenario opens its page and acts alone, so its input timing is its own,
 * while the others only wait (for clicks to settle, beacons, the API). Inside `drive`,
 * `rest(ms)` lets go of the wheel for at least `ms` (a wait with no upper bound, such as a
 * visitor staying on a page) and takes it back. Results keep the order of `tasks`.
 */
export async function inLanes<T, R>(
  tasks: T[],
  lanes: number,
  fn: (task: T, drive: <X>(f: (rest: (ms: number) => Promise<void>) => Promise<X>) => Promise<X>) => Promise<R>,
  stats?: LaneStats,
): Promise<R[]> {
  const started = Date.now()
  const waiting: Array<() => void> = []
  let held = false
  let since = 0
  const take = async () => {
    // Handed over by `give` while still held, so no one slips in between.
    if (held) await new Promise<void>((resolve) => waiting.push(resolve))
    else held = true
    since = Date.now()
  }
  const give = () => {
    if (stats) stats.heldMs += Date.now() - since
    const next = waiting.shift()
    if (next) next()
    else held = false
  }
  const rest = async (ms: number) => {
    give()
    await new Promise((resolve) => setTimeout(resolve, ms))
    await take()
  }
  const drive = async <X>(f: (rest: (ms: number) => Promise<void>) => Promise<X>): Promise<X> => {
    await take()
    try {
      return await f(rest)
    } finally {
      give()
    }
  }
  const results: R[] = new Array(tasks.length)
  let next = 0
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await fn(tasks[i]!, drive)
    }
  }
  await Promise.all(Array.from({ length: Math.min(lanes, tasks.length) }, lane))
  if (stats) stats.wallMs += Date.now() - started
  return results
}
