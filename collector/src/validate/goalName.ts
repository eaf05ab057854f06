import { z } from 'zod'

/**
 * The one rule for a conversion goal's name, wherever one comes in: a beacon's
 * `goal` event, a site's settings, the `goal` filter of the API. A name is what
 * a site owner types and reads back in the dashboard, so it allows spaces and
 * `. :` (`signup:step 2`), and nothing that needs escaping in a URL query or SQL.
 */
export const GOAL_NAME_MAX = 64
const GOAL_NAME_CHARS = /^[\w .:-]+$/

/** What the characters of a goal name may be, in words a caller can act on. */
export const GOAL_NAME_MESSAGE = 'letters, digits, space, _ . : or - only'

/** Whether `v` is a goal name: 1 to {@link GOAL_NAME_MAX} characters of {@link GOAL_NAME_MESSAGE}. */
export const isGoalName = (v: string): boolean => v.length >= 1 && v.length <= GOAL_NAME_MAX && GOAL_NAME_CHARS.test(v)

/** {@link isGoalName} as a schema, each broken part with its own message. */
export const goalName = z.string().min(1).max(GOAL_NAME_MAX).regex(GOAL_NAME_CHARS, GOAL_NAME_MESSAGE)
