import type { ClickHouseClient } from '@clickhouse/client'
import type { Reason, SignalType } from '@wince/snippet/wire'
import { STRUGGLE_THRESHOLD, WEIGHTS } from '@wince/snippet/weights'
import { issuePath } from '../issues/issueId.ts'
import { insertRule } from '../queries/insertRule.ts'
import { queryRules } from '../queries/queryRules.ts'
import type { Rule, SuppressSpec } from './Rule.ts'

/**
 * How old the rule book may get before it is read again from the store, ms: a rule
 * another collector applied reaches this one within seconds; this collector's own
 * decisions apply at once.
 */
export const RULES_REFRESH_MS = 5_000

/** The struggle score's settings in force for a site. */
export interface Tuning {
  threshold: number
  weights: Record<SignalType, number>
}

/** How the collector weighed an alert: the settings in force and the rules that took points off it. */
export interface AlertExplain extends Tuning {
  /** Tuning rules in force (ids). */
  tunedBy: string[]
  /** Suppression rules that matched a reason (ids): those reasons did not count (a page that knew the rules never sends such reasons). */
  rules: string[]
  /** Suppression rules in force on the alert's page (ids): its signals they cover were not scored by an up-to-date page. */
  pageRules: string[]
  /** The score without the suppressed reasons. */
  kept: number
}

const key = (url: string, selector: string, type: string) => `${url}\n${selector}\n${type}`

/**
 * The applied rules of every site, read from ClickHouse (so every collector over the
 * same store applies the same ones) and kept in memory for the ingest path, which
 * must not wait for a query: a stale book is refreshed in the background.
 */
export class Learning {
  private _rules: Rule[] = []
  private _suppress = new Map<string, Map<string, string>>()
  private _readAt = 0
  private _reading: Promise<void> | undefined
  /** Bumped by every local decision: a read started before it is stale. */
  private _generation = 0

  constructor(
    private readonly _client: ClickHouseClient,
    private readonly _refreshMs = RULES_REFRESH_MS,
  ) {}

  /** Reads the rule book now (tests, and routes that must see other collectors' decisions). */
  async refresh(): Promise<void> {
    const generation = this._generation
    const rules = await queryRules(this._client)
    if (generation === this._generation) this._set(rules)
    this._readAt = Date.now()
  }

  /** Every rule's latest decision on `site` (applied, rejected, reverted). */
  rules(site: string): Rule[] {
    this._fresh()
    return this._rules.filter((r) => r.site === site)
  }

  /** Records a decision: stored first, then in force in this collector at once. */
  async decide(rule: Rule): Promise<void> {
    await insertRule(this._client, rule)
    this._generation++
    this._set([...this._rules.filter((r) => !(r.site === rule.site && r.id === rule.id)), rule])
  }

  /** The applied suppression rule (id) of a signal, if any. */
  suppressing(site: string, url: string, selector: string, type: string): string | undefined {
    this._fresh()
    const book = this._suppress.get(site)
    return book?.get(key(issuePath(url), selector, type))
  }

  /** The applied suppression rules of a site, for its pages (`/v1/site`). */
  suppressions(site: string): Array<SuppressSpec & { id: string }> {
    return this.rules(site).flatMap((r) =>
      r.kind === 'suppress' && r.status === 'applied' ? [{ id: r.id, ...r.spec }] : [],
    )
  }

  /** The threshold and weights in force: the defaults, then each applied tuning in the order applied. */
  tuning(site: string): Tuning & { tunedBy: string[] } {
    const t: Tuning & { tunedBy: string[] } = { threshold: STRUGGLE_THRESHOLD, weights: { ...WEIGHTS }, tunedBy: [] }
    for (const r of this.rules(site)) {
      if (r.kind !== 'tune' || r.status !== 'applied') continue
      if (r.spec.threshold) t.threshold = r.spec.threshold
      Object.assign(t.weights, r.spec.weights)
      t.tunedBy.push(r.id)
    }
    return t
  }

  /** How an alert's reasons weigh under the site's rules: what suppression took off, and what is left. */
  explain(site: string, url: string, reasons: readonly Reason[]): AlertExplain {
    const t = this.tuning(site)
    const rules = new Set<string>()
    let kept = 0
    for (const r of reasons) {
      const rule = this.suppressing(site, url, r.sel, r.type)
      if (rule) rules.add(rule)
      else kept += r.pts
    }
    const path = issuePath(url)
    const pageRules = this.suppressions(site).flatMap((r) => (r.url === path ? [r.id] : []))
    return { ...t, rules: [...rules], pageRules, kept: Math.round(kept * 10) / 10 }
  }

  private _fresh(): void {
    if (this._reading || Date.now() - this._readAt < this._refreshMs) return
    this._reading = this.refresh()
      .catch((err: Error) =>
        console.error(`wince: reading the rule book failed (${err.message}); the rules read before stay in force`),
      )
      .finally(() => (this._reading = undefined))
  }

  private _set(rules: Rule[]): void {
    this._rules = rules
    const suppress = new Map<string, Map<string, string>>()
    for (const r of rules) {
      if (r.kind !== 'suppress' || r.status !== 'applied') continue
      let book = suppress.get(r.site)
      if (!book) suppress.set(r.site, (book = new Map()))
      book.set(key(r.spec.url, r.spec.selector, r.spec.type), r.id)
    }
    this._suppress = suppress
  }
}
