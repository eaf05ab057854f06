import { memo } from 'preact/compat'
import { sameProps } from '../lib/sameProps.ts'
import type { ComponentChildren } from 'preact'
import type { Alert } from '@wince/collector'
import { describeReason } from '@wince/collector/describe'
import type { IssueGroup } from '../lib/groupAlerts.ts'
import { pagePath } from '../lib/pagePath.ts'
import { relativeTime } from '../lib/relativeTime.ts'
import { OfferForm } from './OfferForm.tsx'

export interface Props {
  group: IssueGroup
  now: number
  expanded: boolean
  onToggle(): void
  /** Renders one session's alert card (claim, resolve and offer per session). */
  renderAlert(alert: Alert): ComponentChildren
  /** Offers help to every visitor of the issue still struggling; resolves true once all were taken. */
  onOfferAll(message: string, link: string | undefined): Promise<boolean>
  sending: boolean
  /** Many cards in the page: the offer form waits behind a button. */
  compact: boolean
  /** What the sessions' cards show besides their alerts (pages, pending actions, offers…): a change re-renders the card. */
  deps: readonly unknown[]
}

/**
 * One problem, many visitors: what goes wrong where, how many are struggling
 * with it now, an offer to all of them, and the sessions behind it (folded;
 * a visitor who asked for help is always shown).
 */
export const IssueCard = memo(function IssueCard({
  group,
  now,
  expanded,
  onToggle,
  renderAlert,
  onOfferAll,
  sending,
  compact,
}: Props) {
  // A group holds at least one alert (groupAlerts makes none empty).
  const newest = group.alerts[0]!
  const first = newest.reasons[0]
  const sessions = new Set(group.alerts.map((a) => a.session)).size
  // Visitors waiting for help first, then the others, newest first.
  const shown = expanded ? [...group.help, ...group.alerts.filter((a) => !group.help.includes(a))] : group.help
  const bodyId = `issue-${group.key}`
  return (
    <article
      class={`issue${group.help.length ? ' issue-help' : ''}`}
      data-testid="issue"
      data-issue={group.key}
      aria-label={`Problem: ${first ? describeReason(first) : 'struggling'}`}
    >
      <div class="alert-head">
        <h3 class="why">{first ? describeReason(first) : 'struggling'}</h3>
        <span class="count" data-testid="issue-count" data-count={group.struggling}>
          {group.struggling} visitor{group.struggling === 1 ? '' : 's'} struggling now
        </span>
        {group.help.length > 0 && (
          <span class="help-pill" data-testid="issue-help">
            {group.help.length} asked for help
          </span>
        )}
      </div>
      <p class="meta">
        on{' '}
        <span class="path" title={newest.url}>
          {pagePath(newest.url)}
        </span>{' '}
        · latest {relativeTime(newest.ts, now)}
      </p>
      {group.struggling > 1 && (
        <OfferForm
          id={`all-${group.key}`}
          offers={[]}
          sending={sending}
          error={undefined}
          folded={compact}
          sendLabel={`Offer help to all ${group.struggling}`}
          onSend={onOfferAll}
        />
      )}
      <button
        type="button"
        class="link toggle"
        data-testid="issue-toggle"
        aria-expanded={expanded}
        aria-controls={bodyId}
        onClick={onToggle}
      >
        {expanded ? 'Hide the sessions' : `Show the ${sessions} session${sessions === 1 ? '' : 's'}`}
      </button>
      {shown.length > 0 && (
        <ol class="alert-list issue-sessions" id={bodyId}>
          {shown.map((a) => (
            <li key={a.id}>{renderAlert(a)}</li>
          ))}
        </ol>
      )}
    </article>
  )
}, sameProps)
