import type { ClickHouseClient } from '@clickhouse/client'
import { insertIssueRollup } from '../queries/insertIssueRollup.ts'
import { queryDaysToRoll } from '../queries/queryDaysToRoll.ts'
import type { Site } from '../sites/Sites.ts'
import { goalMatch, type GoalMatch } from './goalPatterns.ts'

/**
 * How often closed days are rolled up, and stale rolls redone, ms. A day that got late
 * events is read the per-day way (exact, slower) until the next pass: five minutes keeps
 * that rare window short for the cost of one cheap query per site and goal when nothing
 * changed.
 */
export const ROLL_EVERY_MS = 5 * 60_000
/** The first pass after start, ms: after migrations and the log's replay, not during them. */
const FIRST_ROLL_MS = 30_000
const DAY_MS = 86_400_000

/** The goals `/api/issues` is asked for, as rolled: any goal, and each of the site's goals by name. */
export const rolledGoals = (site: Site): GoalMatch[] => [
  goalMatch(site, ''),
  ...(site.goals ?? []).map((g) => goalMatch(site, g.name)),
]

/**
 * Rolls closed UTC days (before today) of every site up into finished issue counts
 * (`issue_day_totals`, 0016) so `/api/issues` reads a few rows per page and issue and day
 * instead of a row per session; days that got events after their roll are rolled again.
 *
 * Several collectors on one store may all run it: a roll is one insert that replaces the
 * day's rows whole (ReplacingMergeTree, newest version wins), so two collectors rolling
 * the same day do the same work twice and leave the same figures. No lease is needed.
 */
export class IssueRollup {
  private _timer: NodeJS.Timeout | undefined
  private _running: Promise<number> | undefined

  constructor(
    private readonly _client: ClickHouseClient,
    private readonly _sites: () => Site[],
    private readonly _log: (message: string) => void = (m) => console.error(m),
  ) {}

  /** Starts the periodic passes (the first after {@link FIRST_ROLL_MS}). */
  start(): void {
    const tick = () => {
      void this.rollDue()
        .catch((e: unknown) => this._log(`issue roll-up: ${String(e)}`))
        .finally(() => {
          if (this._timer) this._timer = setTimeout(tick, ROLL_EVERY_MS).unref()
        })
    }
    this._timer = setTimeout(tick, FIRST_ROLL_MS).unref()
  }

  /** Stops the passes; one under way finishes. */
  async stop(): Promise<void> {
    clearTimeout(this._timer)
    this._timer = undefined
    await this._running?.catch(() => {})
  }

  /** One pass now (a pass under way is joined, not doubled): the days rolled. */
  rollDue(now = Date.now()): Promise<number> {
    this._running ??= this._pass(now).finally(() => {
      this._running = undefined
    })
    return this._running
  }

  private async _pass(now: number): Promise<number> {
    const days = { dayFrom: 0, dayTo: (Math.floor(now / DAY_MS) * DAY_MS) / 1000 }
    let rolled = 0
    for (const site of this._sites())
      for (const goals of rolledGoals(site))
        for (const day of await queryDaysToRoll(this._client, site.id, days, goals)) {
          await insertIssueRollup(this._client, site.id, day, goals)
          rolled++
        }
    return rolled
  }
}
