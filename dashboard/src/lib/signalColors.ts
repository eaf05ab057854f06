/** Colours per signal type, in legend order; distinguishable for the common colour-vision deficiencies. */
export const SIGNAL_COLORS: Record<string, string> = {
  rage_click: '#d1495b',
  dead_click: '#edae49',
  error_click: '#8f2d56',
  mouse_thrash: '#00798c',
  excessive_scroll: '#30638e',
  quick_back: '#7a9e7e',
  form_struggle: '#b0578d',
}

/** The colour of a type not in the table (a type added later). */
export const OTHER_COLOR = '#888'

export const signalColor = (type: string): string => SIGNAL_COLORS[type] ?? OTHER_COLOR
