import { cellPoint, spotRadius, type Box } from './cellPoint.ts'
import { spotWeight } from './heatPalette.ts'

/** A heat cell as the collector sends it. */
export interface CellLike {
  selector: string
  gfx: number
  gfy: number
  clicks: number
}

/** A painted spot: where, how big, how strong, and for which element. */
export interface Spot {
  selector: string
  x: number
  y: number
  r: number
  weight: number
  clicks: number
}

/**
 * Spots for `cells` on the page: each cell at its place inside its element's
 * box (`boxOf`, null when the element is not on the snapshot). `whole`:
 * each cell stands for its whole element (signal layers), spots cover it.
 * Returns the spots and the selectors that could not be placed.
 */
export function placeSpots(
  cells: readonly CellLike[],
  boxOf: (selector: string) => Box | null,
  whole = false,
): { spots: Spot[]; missing: string[] } {
  const max = cells.reduce((m, c) => Math.max(m, c.clicks), 0)
  const boxes = new Map<string, Box | null>()
  const spots: Spot[] = []
  const missing = new Set<string>()
  for (const c of cells) {
    if (!boxes.has(c.selector)) boxes.set(c.selector, boxOf(c.selector))
    const box = boxes.get(c.selector)
    if (!box) {
      missing.add(c.selector)
      continue
    }
    const { x, y } = cellPoint(box, c.gfx, c.gfy)
    spots.push({
      selector: c.selector,
      x,
      y,
      r: spotRadius(box, whole),
      weight: spotWeight(c.clicks, max),
      clicks: c.clicks,
    })
  }
  return { spots, missing: [...missing] }
}

/** Selectors of the spots whose circle covers (`x`, `y`), with their clicks there added up, most first. */
export function spotsAt(spots: readonly Spot[], x: number, y: number): Array<{ selector: string; clicks: number }> {
  const by = new Map<string, number>()
  for (const s of spots)
    if ((s.x - x) ** 2 + (s.y - y) ** 2 <= s.r ** 2) by.set(s.selector, (by.get(s.selector) ?? 0) + s.clicks)
  return [...by]
    .map(([selector, clicks]) => ({ selector, clicks }))
    .sort((a, b) => b.clicks - a.clicks || a.selector.localeCompare(b.selector))
}
