import type { SiteDiagnosis } from '@wince/collector'

export interface Props {
  diagnosis: (SiteDiagnosis & { origins: string[]; allowHeadless: boolean }) | null
  now: number
}

const ago = (t: number | null, now: number) =>
  t === null ? 'never' : `${Math.max(0, Math.round((now - t) / 1000))} s ago`

/** What ingest did with the site's beacons: the first place to look when the dashboard is empty. */
export function DiagnosticsPanel({ diagnosis: d, now }: Props) {
  if (!d) return <p class="muted">Loading diagnostics…</p>
  return (
    <section class="diagnostics panel" data-testid="diagnostics" aria-labelledby="diagnostics-heading">
      <h3 id="diagnostics-heading">Diagnostics</h3>
      <p class="muted">Since the collector started ({new Date(d.since).toLocaleString()}).</p>
      <dl class="facts">
        <dt>Beacons accepted</dt>
        <dd data-testid="diag-accepted">{d.accepted}</dd>
        <dt>Refused: origin not allowed</dt>
        <dd data-testid="diag-refused">{d.refusedOrigin}</dd>
        <dt>Dropped as headless browsers</dt>
        <dd data-testid="diag-headless">
          {d.droppedHeadless}{' '}
          {d.droppedHeadless > 0 && !d.allowHeadless && (
            <span class="muted">(allow headless browsers in the settings for your own tests)</span>
          )}
        </dd>
        <dt>Dropped as bots</dt>
        <dd data-testid="diag-bots">{d.droppedBots}</dd>
        <dt>Rate-limited</dt>
        <dd>{d.rateLimited}</dd>
        <dt>Invalid</dt>
        <dd>{d.invalid}</dd>
        <dt>Last beacon</dt>
        <dd data-testid="diag-last">{ago(d.lastBeacon, now)}</dd>
        <dt>Last accepted</dt>
        <dd>{ago(d.lastAccepted, now)}</dd>
      </dl>
      {d.refusedOrigins.length > 0 && (
        <>
          <h4>Refused origins</h4>
          <p class="muted">
            Allowed: {d.origins.join(', ') || 'none'}. If one below is yours, add it to the site's Origins in the
            settings.
          </p>
          <ul data-testid="diag-refused-origins">
            {d.refusedOrigins.map((o) => (
              <li key={o.origin}>
                <code>{o.origin}</code> — {o.count} {o.count === 1 ? 'beacon' : 'beacons'}, last {ago(o.last, now)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
