/** Viewport classes heatmaps and snapshots are kept per (the collector's `vc`). */
export const VIEWPORTS = ['desktop', 'tablet', 'mobile'] as const
export type Viewport = (typeof VIEWPORTS)[number]

/** The heatmap's layers: the collector's click and signal layers (form struggles drawn on their fields), and scroll depth. */
export const LAYERS = [
  { id: 'clicks', label: 'All clicks' },
  { id: 'rage_click', label: 'Rage clicks' },
  { id: 'dead_click', label: 'Dead clicks' },
  { id: 'error_click', label: 'Error clicks' },
  { id: 'mouse_thrash', label: 'Thrash zones' },
  { id: 'form_struggle', label: 'Form struggles' },
  { id: 'scroll', label: 'Scroll depth' },
] as const

export type LayerId = (typeof LAYERS)[number]['id']
/** The layers `/api/heatmap` draws (all but scroll depth, which is `/api/scroll`). */
export type SpotLayer = Exclude<LayerId, 'scroll'>

export function findLayer(id: string | null | undefined): LayerId {
  return LAYERS.find((l) => l.id === id)?.id ?? 'clicks'
}

export function findViewport(id: string | null | undefined): Viewport {
  return VIEWPORTS.find((v) => v === id) ?? 'desktop'
}
