/** First wait before a failed beacon is sent again, ms; doubles each try. */
export const RETRY_FIRST_MS = 1000
/** Longest wait between tries, ms: a collector back within half a minute gets everything. */
export const RETRY_MAX_MS = 30_000
/** Tries per beacon, the first included: then it is dropped (the page must not hoard). */
export const RETRY_TRIES = 6
/** Beacons waiting for a retry at most; past it the oldest is dropped (a bounded queue in the page). */
export const RETRY_QUEUE_MAX = 20

/** The wait before try number `tries + 1`, ms; a `Retry-After` (seconds) from the collector wins. */
export function retryDelay(tries: number, retryAfter?: string | null): number {
  const asked = Number(retryAfter) * 1000
  return Math.min(asked > 0 ? asked : RETRY_FIRST_MS * 2 ** (tries - 1), RETRY_MAX_MS)
}

/** Whether an answer means "try again later": no answer, rate limited, or a server error. */
export const retryable = (status: number): boolean => status == 0 || status == 429 || status >= 500

/**
 * The beacon with its send time (`t`, the page's clock, the first `"t":` of the body: the
 * envelope's, ahead of its events) set to now, so the collector judges the page's clock
 * by when the beacon really left, not when it first tried.
 */
export function restamp(body: RequestInit['body'], now = Date.now()): RequestInit['body'] {
  return typeof body == 'string' ? body.replace(/"t":\d+/, `"t":${now}`) : body
}

/**
 * Wraps the transport's `fetch` so that beacons (`/v1/collect`) the collector
 * could not take are sent again with backoff, at most {@link RETRY_QUEUE_MAX}
 * waiting at once. Other requests pass through. `schedule` is `setTimeout`
 * (a parameter so tests control time); `cleanup` collects what stop must clear.
 */
export function retrying(
  send: typeof fetch,
  schedule: (fn: () => void, ms: number) => unknown,
  cancel: (id: unknown) => void,
): { fetch: typeof fetch; stop(leaving?: boolean): void } {
  // Each beacon waiting: its timer, and what to send.
  const waiting = new Map<number, [unknown, string, RequestInit['body']]>()
  let next = 0
  const attempt = (url: string, init: RequestInit, tries: number): Promise<Response> => {
    const retry = (status: number, after?: string | null) => {
      if (!retryable(status) || tries >= RETRY_TRIES) return
      if (waiting.size >= RETRY_QUEUE_MAX) {
        const [oldest] = waiting
        // `waiting` is full here, so it has a first entry.
        cancel(oldest![1][0])
        // (as above)
        waiting.delete(oldest![0])
      }
      const key = next++
      waiting.set(key, [
        schedule(
          () => {
            waiting.delete(key)
            // A retry is no unload: keepalive only limits it.
            void attempt(url, { ...init, keepalive: false, body: restamp(init.body) }, tries + 1).catch(() => {})
          },
          retryDelay(tries, after),
        ),
        url,
        init.body,
      ])
    }
    return send(url, init).then(
      (r) => (retry(r.status, r.headers.get('retry-after')), r),
      (err) => {
        retry(0)
        throw err
      },
    )
  }
  return {
    // The same arguments and result as fetch (the overloads of `typeof fetch` cannot be written as one arrow).
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      // The transport's beacons come with a string URL (`test` reads any other as its string).
      /\/v1\/collect$/.test(input as string) && init
        ? attempt(input as string, init, 1)
        : send(input, init)) as typeof fetch,
    // `leaving`: the page is going, and what waits for a retry goes now with its last beacons, or never.
    stop(leaving) {
      for (const [id, url, body] of waiting.values())
        cancel(id), leaving && navigator.sendBeacon(url, restamp(body) as BodyInit)
      waiting.clear()
    },
  }
}
