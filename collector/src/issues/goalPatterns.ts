import type { Site } from '../sites/Sites.ts'

/**
 * A path glob as a regular expression (RE2, as ClickHouse's `match` reads it), anchored:
 * `*` any characters, `?` one, everything else literal. `/thanks*` matches
 * `/thanks` and `/thanks/order`.
 */
export function globToRegex(glob: string): string {
  let re = ''
  for (const ch of glob) re += ch === '*' ? '.*' : ch === '?' ? '.' : /[\w/-]/.test(ch) ? ch : `\\${ch}`
  return `^${re}$`
}

/** What counts as a conversion: goal names reported by the page, and URL globs as regexes. */
export interface GoalMatch {
  /** The goal asked for; '' means any goal. */
  goal: string
  /** Regexes of the URL goals that count. */
  patterns: string[]
}

/** The conversion a query measures: `goal` by name, or any of the site's goals when ''. */
export function goalMatch(site: Site | undefined, goal = ''): GoalMatch {
  const goals = (site?.goals ?? []).filter((g) => !goal || g.name === goal)
  return { goal, patterns: goals.flatMap((g) => (g.url ? [globToRegex(g.url)] : [])) }
}
