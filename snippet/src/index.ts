/**
 * Wince for bundlers: `import { start } from '@wince/snippet'` then
 * `start({ site: 'demo', endpoint: 'https://collector.example' })`. The page API is
 * installed as `window.wince` too, so code using the queue stub keeps working.
 */
export { start, stop } from './start'
export { wince, type WinceApi } from './api/wince'
export type { Options } from './Options'
export type { Struggle, ScoreTuning } from './score/createStruggleScore'
export type * from './wire'
