// The per-tab request model: capture events in, correlated transactions out (see apply-event.ts).
export type * from './events';
export { NO_TAB } from './events';
export type * from './transaction';
export type { Change, Evaluate, ModelContext } from './change';
export type { UnreadTransactions } from './listed';
export { listedTransaction } from './listed';
export type { InflightRequest, ModelState, PreflightCacheEntry, PreflightTracking, TabCounts, TabState } from './state';
export {
  DEFAULT_CAPACITY, MODEL_SCHEMA, createModelState, listTransactions, mapOf, modelStateToJson, recordOf, restoreModelState,
  setPreserveLog, storedInflight,
} from './state';
export { applyEvent, applyEvents } from './apply-event';
export { toObserved, toObservedPreflight } from './to-observed';
export { originOf, isCrossOrigin, isHttpUrl } from './origin';
