/** What the session remembers of the help prompt (sessionStorage `wince.hp`). */
export interface PromptState {
  /** The struggle alert (episode) the prompt was last shown for. */
  ep?: string
  /** The visitor dismissed it: never again in this session. */
  no?: boolean
}

/**
 * Whether to show the site's help prompt for the episode `episode`: help is enabled, the
 * visitor has not dismissed it this session, and it was not shown for this episode yet
 * (at most once per episode, even across page loads).
 */
export const shouldPrompt = (s: PromptState, episode: string, enabled: boolean | undefined): boolean =>
  !!enabled && !s.no && s.ep != episode

/** The state once the prompt is shown for `episode`. */
export const shown = (s: PromptState, episode: string): PromptState => ({ ...s, ep: episode })

/** The state once the visitor dismissed it (close button, Escape, "No thanks"). */
export const dismissed = (s: PromptState): PromptState => ({ ...s, no: true })
