import type { Signal } from '@preact/signals'
import { useRef } from 'preact/hooks'
import { VIEWS, type ViewId } from '../models/filtersModel.ts'

export interface Props {
  view: Signal<ViewId>
}

/** The views as tabs: arrow keys, Home and End move between them (WAI-ARIA tabs pattern, automatic activation). */
export function Tabs({ view }: Props) {
  const list = useRef<HTMLDivElement>(null)
  const go = (i: number) => {
    // The index is taken modulo the list's length.
    const next = VIEWS[(i + VIEWS.length) % VIEWS.length]!
    view.value = next.id
    list.current?.querySelector<HTMLButtonElement>(`#tab-${next.id}`)?.focus()
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const i = VIEWS.findIndex((v) => v.id === view.value)
    const to =
      e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? VIEWS.length - 1
              : null
    if (to === null) return
    e.preventDefault()
    go(to)
  }
  return (
    <div class="tabs" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
      {VIEWS.map((v) => {
        const selected = view.value === v.id
        return (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            data-testid={`tab-${v.id}`}
            aria-selected={selected}
            aria-controls={`panel-${v.id}`}
            tabIndex={selected ? 0 : -1}
            onClick={() => (view.value = v.id)}
          >
            {v.label}
          </button>
        )
      })}
    </div>
  )
}
