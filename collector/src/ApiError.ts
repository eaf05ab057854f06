import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * The one error a route throws on purpose: it knows its status and answers
 * with a JSON body a user can act on (`{ error, ...details }`). Anything else
 * thrown is a bug: logged and answered 500.
 */
export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }

  toResponse(headers: Record<string, string> = {}): Response {
    const retryAfter = this.details.retryAfter
    if (typeof retryAfter === 'number') headers = { ...headers, 'retry-after': String(retryAfter) }
    return new Response(JSON.stringify({ error: this.message, ...this.details }), {
      status: this.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    })
  }
}
