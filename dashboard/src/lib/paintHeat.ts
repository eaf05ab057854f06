import { heatColor, heatLookup } from './heatPalette.ts'

/** A spot to stamp: centre, radius and weight (0–1), canvas px. */
export interface Stamp {
  x: number
  y: number
  r: number
  weight: number
}

let lut: Uint8ClampedArray | undefined

/**
 * Paints a heatmap: each stamp as a grey radial gradient whose alpha adds up
 * where stamps overlap, then every pixel recoloured by its alpha through the
 * heat palette. Overlapping clicks get hotter, not just more opaque.
 */
export function paintHeat(ctx: CanvasRenderingContext2D, stamps: readonly Stamp[]): void {
  const { width, height } = ctx.canvas
  ctx.clearRect(0, 0, width, height)
  if (stamps.length === 0) return
  for (const s of stamps) {
    const g = ctx.createRadialGradient(s.x, s.y, 0, s.x, s.y, s.r)
    g.addColorStop(0, `rgba(0,0,0,${s.weight})`)
    g.addColorStop(1, 'rgba(0,0,0,0)')
    ctx.fillStyle = g
    ctx.fillRect(s.x - s.r, s.y - s.r, s.r * 2, s.r * 2)
  }
  lut ??= heatLookup()
  const img = ctx.getImageData(0, 0, width, height)
  const px = img.data
  for (let i = 3; i < px.length; i += 4) {
    // i < px.length.
    const a = px[i]!
    if (a === 0) continue
    const o = a * 4
    // The palette holds 256 colours of 4 channels and a ≤ 255: o < lut.length.
    px[i - 3] = lut[o]!
    // (as above) o + 1 < lut.length.
    px[i - 2] = lut[o + 1]!
    // (as above) o + 2 < lut.length.
    px[i - 1] = lut[o + 2]!
    // (as above) o + 3 < lut.length.
    px[i] = lut[o + 3]!
  }
  ctx.putImageData(img, 0, 0)
}

/**
 * Paints scroll depth: the page cut into equal bands, each tinted by the
 * share of views that reached it (hot where everyone looked, cold where few
 * did), with the share written where it changes.
 */
export function paintScroll(ctx: CanvasRenderingContext2D, reached: readonly number[]): void {
  const { width, height } = ctx.canvas
  ctx.clearRect(0, 0, width, height)
  const band = height / Math.max(1, reached.length)
  reached.forEach((share, i) => {
    const [r, g, b] = heatColor(share)
    ctx.fillStyle = `rgba(${r},${g},${b},0.35)`
    ctx.fillRect(0, i * band, width, band)
    // i > 0, checked first.
    if (i > 0 && Math.round(share * 100) === Math.round(reached[i - 1]! * 100)) return
    ctx.fillStyle = 'rgba(0,0,0,0.75)'
    ctx.fillRect(0, i * band, 64, 20)
    ctx.fillStyle = '#fff'
    ctx.font = '12px system-ui, sans-serif'
    ctx.fillText(`${Math.round(share * 100)} %`, 8, i * band + 14)
  })
}
