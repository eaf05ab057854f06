import type { Ctx } from '../ext/Ctx'
import { learned } from './boot/learned'
import { chunk } from './lib/chunk'

/**
 * The learn chunk: the team's suppression rules and tuning. The boot chunk loads it only
 * when a page view's settings carry rules or a tuning, so the pages of a site that has none
 * never pay for it; it starts from the settings that called for it.
 */
chunk('learn', (c: Ctx) => learned(c.st))
