import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { z } from 'zod'
import { ApiError } from '../ApiError.ts'

/** The first problem of a failed parse, as `field: what was expected`. */
export function firstIssue(error: {
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>
}): string {
  // A failed parse has at least one issue.
  const issue = error.issues[0]!
  return `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`
}

/**
 * The input gate of every `/api` and `/v1` route (but `/v1/collect`, whose
 * hand-written check is faster): validates one part of the request —
 * `json` body, `query`, `param` — against a zod schema, and answers a bad
 * one with the usual JSON 400 naming the field (`{ "error": "site: …" }`).
 * The route reads the checked, typed value with `c.req.valid(target)`, and
 * the dashboard's typed client (`hono/client`) learns the input's type.
 *
 * ```ts
 * .get('/things', valid('query', z.object({ site: id })), (c) => c.json(list(c.req.valid('query').site)))
 * ```
 */
export function valid<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  const check = zValidator(target, schema, (result) => {
    if (!result.success) throw new ApiError(400, firstIssue(result.error))
  })
  if (target !== 'json') return check
  // Scripts with a token have always sent JSON under any content type (curl -d says form-urlencoded):
  // read it as JSON all the same. Browsers with the session cookie were held to
  // application/json before this, by csrfGuard.
  const anyType: typeof check = (c, next) => {
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      const headers = new Headers(c.req.raw.headers)
      headers.set('content-type', 'application/json')
      c.req.raw = new Request(c.req.raw, { headers })
    }
    return check(c, next)
  }
  return anyType
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i

/**
 * A request's body as JSON, or the usual 400: for a route that checks the value
 * further itself (a whole site's settings with every issue named, a merge patch).
 */
export async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json()
  } catch {
    throw new ApiError(400, 'body is not valid JSON')
  }
}

/**
 * The same check for a value a route had to read itself (a gzip body read
 * with its limits, or text a visitor's page sent as `text/plain` to avoid a
 * preflight): parses JSON text, then the schema; the same 400s.
 */
export function checked<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'body is not valid JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiError(400, firstIssue(parsed.error))
  return parsed.data
}
