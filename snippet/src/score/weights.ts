/** The struggle score's points per signal type, for consumers outside the snippet (the collector's session scores). */
export { WEIGHTS } from './createStruggleScore'
