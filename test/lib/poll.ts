/** Calls `probe` until it returns a value that passes `done`, or throws after `timeoutMs`. */
export async function poll<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T = await probe()
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`gave up after ${timeoutMs} ms; last value: ${JSON.stringify(last)?.slice(0, 2000)}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
    last = await probe()
  }
  return last
}
