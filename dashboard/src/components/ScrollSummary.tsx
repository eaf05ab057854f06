export interface Props {
  /** Share of views (0–1) reaching each band, top band first. */
  reached: readonly number[]
}

/** The scroll layer in numbers: how many views reached a quarter, half, three quarters and the bottom. */
export function ScrollSummary({ reached }: Props) {
  const at = (f: number) => reached[Math.min(reached.length - 1, Math.floor(f * reached.length))] ?? 0
  return (
    <dl class="scroll-summary" data-testid="scroll-summary">
      {[0.25, 0.5, 0.75, 0.95].map((f) => (
        <div key={f}>
          <dt>{Math.round(f * 100)} % down</dt>
          <dd>{Math.round(at(f) * 100)} % of views</dd>
        </div>
      ))}
    </dl>
  )
}
