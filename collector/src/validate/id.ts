import { z } from 'zod'

/**
 * The one rule for every id Wince takes from outside (site, session, page
 * view, alert, offer, token): 1 to 64 letters, digits, `_` or `-`. Safe in a
 * URL path, a query string, a file name and a log line.
 */
export const ID_RULE = /^[\w-]{1,64}$/

/** What {@link ID_RULE} asks for, in words a caller can act on. */
export const ID_MESSAGE = '1 to 64 letters, digits, _ or - only'

/** {@link ID_RULE} as a schema, with the message a caller can act on. */
export const id = z.string().regex(ID_RULE, ID_MESSAGE)
