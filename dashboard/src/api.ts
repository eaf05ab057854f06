import { hc } from 'hono/client'
import type { ApiType } from '@wince/collector'

/** The collector's API, typed from its routes. */
export type Api = ReturnType<typeof hc<ApiType>>

/**
 * The typed client for `/api`. The dashboard is served by the collector after
 * login, so same-origin requests carry the session cookie: no token here.
 */
export function createApi(base = `${location.origin}/api`): Api {
  return hc<ApiType>(base)
}

/** A failed API call, with the collector's own explanation when it sent one. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

interface JsonResponse<T> {
  ok: boolean
  status: number
  json(): Promise<T>
  text(): Promise<string>
}

/** The body of a successful response; otherwise throws an {@link ApiCallError} a person can read. */
export async function readJson<T>(res: JsonResponse<T>): Promise<T> {
  if (res.ok) return res.json()
  const text = await res.text().catch(() => '')
  let reason = text.slice(0, 200)
  try {
    // The collector's error bodies are { error }; anything else leaves `error` undefined.
    reason = (JSON.parse(text) as { error?: string }).error ?? reason
  } catch {
    // Not JSON (a proxy's error page): the start of the text is the best we have.
  }
  if (res.status === 401) reason = 'signed out: reload the page to sign in again'
  throw new ApiCallError(res.status, `${res.status}${reason ? ` — ${reason}` : ''}`)
}

/**
 * POSTs JSON to an `/api` route and reads the answer as `T`, the collector's
 * own exported type of it. The typed client knows these bodies now (the
 * collector validates them); the alert-action and offer models still take
 * this plain function, which their tests replace.
 */
export async function postJson<T>(path: string, body: unknown, base = `${location.origin}/api`): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return readJson<T>(res)
}
