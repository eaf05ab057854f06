/**
 * Runs `tasks` with at most `lanes` at once, but lets only one at a time hold the wheel
 * (`drive`): a scenario opens its page and acts alone, so its input timing is its own,
 * while the others only wait (for clicks to settle, beacons, the API). Results keep the
 * order of `tasks`.
 */
export async function inLanes<T, R>(
  tasks: T[],
  lanes: number,
  fn: (task: T, drive: <X>(f: () => Promise<X>) => Promise<X>) => Promise<R>,
): Promise<R[]> {
  let wheel: Promise<unknown> = Promise.resolve()
  const drive = <X>(f: () => Promise<X>): Promise<X> => {
    const turn = wheel.then(f)
    wheel = turn.catch(() => {})
    return turn
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
  return results
}
