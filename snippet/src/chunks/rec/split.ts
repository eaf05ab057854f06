/**
 * Splits events into runs whose JSON stays under `maxChars` and `maxEvents` each, in
 * order: every run becomes one `POST /v1/replay` body, and the collector takes at most
 * 1 MB (gzip) and 20,000 events per body. An event larger than `maxChars` on its own
 * travels alone.
 */
export function split<E>(events: E[], maxChars: number, maxEvents: number): E[][] {
  const runs: E[][] = []
  let run: E[] = []
  let size = 2
  for (const e of events) {
    const n = JSON.stringify(e).length + 1
    if (run.length && (size + n > maxChars || run.length >= maxEvents)) {
      runs.push(run)
      run = []
      size = 2
    }
    run.push(e)
    size += n
  }
  if (run.length) runs.push(run)
  return runs
}
