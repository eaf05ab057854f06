import type { ScoreTuning } from './score/createStruggleScore'

/** How a site starts Wince (script-tag data attributes in the IIFE build). */
export interface Options extends ScoreTuning {
  /** Site id (`data-site`), required. */
  site: string
  /**
   * Collector origin (`data-endpoint`); beacons go to `${endpoint}/v1/collect`.
   * Default: the script's own origin (script tag), `location.origin` (ESM).
   */
  endpoint?: string
}
