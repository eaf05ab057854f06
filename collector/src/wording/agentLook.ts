import type { Tokens } from '../auth/Tokens.ts'
import { DEFAULT_TEAM_NAME, type Site } from '../sites/Sites.ts'

/**
 * How an agent shows to a visitor: their display name and avatar colour, or the
 * site's team name — never a token's name, which is an admin's label for a secret.
 */
export function agentLook(
  tokens: Tokens,
  tokenId: string,
  site: Site | undefined,
): { name: string; color?: string | undefined } {
  const look = tokenId === 'admin' ? {} : tokens.lookOf(tokenId)
  return { name: look.displayName || site?.teamName || DEFAULT_TEAM_NAME, color: look.color }
}
