import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Box } from '../lib/cellPoint.ts'
import type { LayerId } from '../lib/layers.ts'
import { paintHeat, paintScroll } from '../lib/paintHeat.ts'
import { placeSpots, spotsAt, type Spot } from '../lib/placeSpots.ts'
import type { HeatCell, Snapshot } from '../models/heatmapModel.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** Tallest page drawn, CSS px: browsers refuse canvases much taller, and no one scrolls a heatmap further. */
export const MAX_PAGE_HEIGHT = 30_000

/** A mouse event on the heat canvas, handled there: its `currentTarget` is the canvas. */
type CanvasEvent = JSX.TargetedMouseEvent<HTMLCanvasElement>

export interface Props {
  snapshot: Snapshot
  layer: LayerId
  cells: readonly HeatCell[]
  /** Share of views reaching each band (scroll layer). */
  reached: readonly number[]
  /** The hotspot picked in the list: outlined on the page. */
  selected: string | null
  /** Elements under the pointer, with their clicks there. */
  onHover(under: Array<{ selector: string; clicks: number }>): void
  onPick(selector: string): void
  /** Hotspots whose element is not on this snapshot. */
  onMissing(selectors: string[]): void
}

/**
 * The page as visitors saw it (its snapshot, rebuilt in a sandboxed iframe)
 * with the heat layer on a canvas above it, both scaled down to fit.
 */
export function HeatmapStage({ snapshot, layer, cells, reached, selected, onHover, onPick, onMissing }: Props) {
  const outer = useRef<HTMLDivElement>(null)
  const host = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const spots = useRef<Spot[]>([])
  const hoverKey = useRef('')
  const [frame, setFrame] = useState<HTMLIFrameElement | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [layout, setLayout] = useState(0)
  const [scale, setScale] = useState(1)
  const width = snapshot.vw
  const height = Math.min(MAX_PAGE_HEIGHT, Math.max(snapshot.dh, snapshot.vh, 1))

  // Fit the page's width into the panel.
  useEffect(() => {
    const el = outer.current
    if (!el) return
    const fit = () => setScale(Math.min(1, el.clientWidth / width))
    // biome-ignore lint/suspicious/noFocusedTests: a local function named fit, not a focused test.
    fit()
    const ro = new ResizeObserver(fit)
    ro.observe(el)
    return () => ro.disconnect()
  }, [width])

  // Rebuild the snapshot (rrweb-snapshot loads now, in its own chunk); repaint when its stylesheets and images settle.
  useEffect(() => {
    const root = host.current
    if (!root) return
    let cancelled = false
    let iframe: HTMLIFrameElement | undefined
    let ro: ResizeObserver | undefined
    let raf = 0
    setFailed(null)
    void import('../lazy/snapshotFrame.ts').then(
      ({ renderSnapshot }) => {
        if (cancelled) return
        try {
          iframe = renderSnapshot(root, snapshot.snap, width, height)
        } catch (err) {
          setFailed(`The snapshot could not be drawn: ${errorMessage(err)}`)
          return
        }
        const doc = iframe.contentDocument
        const relayout = () => {
          cancelAnimationFrame(raf)
          raf = requestAnimationFrame(() => setLayout((n) => n + 1))
        }
        doc?.addEventListener('load', relayout, true)
        if (doc) {
          ro = new ResizeObserver(relayout)
          ro.observe(doc.documentElement)
        }
        setFrame(iframe)
      },
      () => !cancelled && setFailed('The snapshot renderer could not load.'),
    )
    return () => {
      cancelled = true
      cancelAnimationFrame(raf)
      ro?.disconnect()
      iframe?.remove()
      setFrame(null)
    }
  }, [snapshot, width, height])

  // Paint the layer over the rebuilt page.
  useEffect(() => {
    const c = canvas.current
    const ctx = c?.getContext('2d', { willReadFrequently: true })
    if (!c || !ctx) return
    c.width = width
    c.height = height
    if (layer === 'scroll') {
      spots.current = []
      paintScroll(ctx, reached)
      c.dataset.spots = '[]'
      onMissing([])
      return
    }
    const doc = frame?.contentDocument
    const win = frame?.contentWindow
    const boxOf = (selector: string): Box | null => {
      if (!doc || !win) return null
      let el: Element | null = null
      try {
        el = doc.querySelector(selector)
      } catch {
        return null // not a valid selector in this browser
      }
      if (!el) return null
      const r = el.getBoundingClientRect()
      if (r.width === 0 && r.height === 0) return null
      return { x: r.left + win.scrollX, y: r.top + win.scrollY, w: r.width, h: r.height }
    }
    const placed = placeSpots(cells, boxOf, layer !== 'clicks')
    spots.current = placed.spots
    paintHeat(ctx, placed.spots)
    const box = selected ? boxOf(selected) : null
    if (box) {
      ctx.strokeStyle = '#0b5cad'
      ctx.lineWidth = 3
      ctx.strokeRect(box.x - 2, box.y - 2, box.w + 4, box.h + 4)
    }
    const round = (n: number) => Math.round(n * 10) / 10
    c.dataset.spots = JSON.stringify(
      placed.spots.map((s) => ({ selector: s.selector, x: round(s.x), y: round(s.y), clicks: s.clicks })),
    )
    onMissing(frame ? placed.missing : [])
  }, [frame, layout, cells, layer, reached, selected, width, height])

  const pointAt = (e: CanvasEvent) => {
    const c = e.currentTarget
    const r = c.getBoundingClientRect()
    return spotsAt(
      spots.current,
      ((e.clientX - r.left) * c.width) / r.width,
      ((e.clientY - r.top) * c.height) / r.height,
    )
  }
  const onMove = (e: CanvasEvent) => {
    const under = pointAt(e)
    const key = under.map((u) => u.selector).join('\n')
    if (key === hoverKey.current) return
    hoverKey.current = key
    e.currentTarget.style.cursor = under.length ? 'pointer' : 'default'
    onHover(under)
  }
  const onClick = (e: CanvasEvent) => {
    const top = pointAt(e)[0]
    if (top) onPick(top.selector)
  }

  return (
    <div class="stage-outer" ref={outer} style={{ height: `${Math.ceil(height * scale)}px` }}>
      {failed && (
        <p class="error" role="alert">
          {failed}
        </p>
      )}
      <div class="stage" style={{ width: `${width}px`, height: `${height}px`, transform: `scale(${scale})` }}>
        <div class="stage-frame" ref={host} />
        <canvas
          class="stage-heat"
          ref={canvas}
          data-testid="heatmap-canvas"
          data-layer={layer}
          data-ready={frame ? 'yes' : 'no'}
          role="img"
          aria-label={
            layer === 'scroll'
              ? 'Scroll depth over the page'
              : 'Heat of clicks over the page; the hotspot list names the elements'
          }
          onMouseMove={onMove}
          onMouseLeave={() => {
            hoverKey.current = ''
            onHover([])
          }}
          onClick={onClick}
        />
      </div>
    </div>
  )
}
