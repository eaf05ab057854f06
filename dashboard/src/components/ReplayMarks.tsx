import type { PageMark } from '../lib/replayMarks.ts'
import { signalColor } from '../lib/signalColors.ts'

export interface Props {
  marks: readonly PageMark[]
}

/** Short words on a signal's mark: the page is small, the timeline has the full sentence. */
const SHORT: Record<string, string> = {
  rage_click: 'Rage',
  dead_click: 'Dead',
  error_click: 'Error',
  mouse_thrash: 'Thrash',
}

/** Where a signal's words sit beside its ring, and how far the next signal's words at the same spot go down, px. */
const WORDS_TOP_PX = 8
const WORDS_STEP_PX = 20
/** Signal colours light enough that white words on them would not read. */
const DARK_WORDS = new Set(['dead_click'])

/**
 * Click marks over the replayed page, in the recorded viewport's coordinates (this layer
 * is scaled with the page): each click a ring in its signal's colour (grey when it belongs
 * to none), each click-tied signal a larger ring with its name and count.
 */
export function ReplayMarks({ marks }: Props) {
  return (
    <div class="replay-marks" data-testid="replay-marks" aria-hidden="true">
      {marks.map((m) => (
        <div
          key={m.key}
          class={m.signal ? 'replay-mark replay-mark-signal' : 'replay-mark'}
          data-testid="replay-mark"
          data-type={m.type}
          data-signal={m.signal ? 'yes' : 'no'}
          style={{ left: `${m.x}px`, top: `${m.y}px`, borderColor: m.type === 'click' ? '#888' : signalColor(m.type) }}
        >
          {m.signal && (
            <span
              class="replay-mark-words"
              style={{
                background: signalColor(m.type),
                color: DARK_WORDS.has(m.type) ? '#1b1f24' : '#fff',
                top: `${WORDS_TOP_PX + m.stack * WORDS_STEP_PX}px`,
              }}
            >
              {SHORT[m.type] ?? m.type}
              {m.n > 1 ? ` ×${m.n}` : ''}
            </span>
          )}
        </div>
      ))}
    </div>
  )
}
