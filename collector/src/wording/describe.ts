/**
 * Alerts in words, shared by the dashboard (which bundles this file) and the
 * collector (webhook texts). Pure: no Node or DOM APIs.
 */
export { describeReason, type ReasonLike } from './describeReason.ts'
export { signalWords, SIGNAL_WORDS, SIGNAL_ORDER, type SignalType } from './signalWords.ts'
export { describeAlert } from './describeAlert.ts'
export { describeSession, type SummarySignal, type SummaryContext } from './describeSession.ts'
