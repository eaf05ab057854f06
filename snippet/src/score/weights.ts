/** The struggle score's points per signal type and its threshold, for consumers outside the snippet (the collector's session scores, its rules). */
export { STRUGGLE_THRESHOLD, WEIGHTS } from './createStruggleScore'
