import type { HelpSettings } from '../../wire'

/**
 * What the prompt tells a visitor who asked for an agent: only what is true at
 * that moment. Plain strings, rendered as text (never parsed as HTML).
 */

/** An agent has the site's live view open and has been told. */
export const WAITING = 'Waiting for an agent. Someone from our team is online and has been told you need help.'

/** Nobody can answer: no agent online, or none answered within the site's wait. */
export const UNAVAILABLE = 'Sorry, no one from our team can answer right now.'

/** The fallback link's text when the site gave none. */
export const CONTACT = 'Contact us'

/** How long to wait for an agent by default, seconds (the collector's DEFAULT_AGENT_WAIT_S). */
export const DEFAULT_WAIT_S = 60

/** What the page shows once an agent took the request, e.g. `Maria is here`. */
export const joinedWords = (name: string): string => `${name} is here`

/** The collector's answer to a help request. */
export interface HelpAnswer {
  /** Agents watching the site's live view right now. */
  agents: number
  /** Seconds to wait for one. */
  wait: number
}

/**
 * What to do after asking: wait (for how long, ms) while an agent could answer,
 * or fall back at once when none is online or the request failed (`answer` undefined).
 */
export function nextStep(
  answer: HelpAnswer | undefined,
  hs: Pick<HelpSettings, 'wait'>,
): { wait: number } | 'fallback' {
  if (!answer || !(answer.agents > 0)) return 'fallback'
  const s = answer.wait > 0 ? answer.wait : hs.wait || DEFAULT_WAIT_S
  return { wait: s * 1000 }
}
