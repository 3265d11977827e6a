/**
 * The stored form of transactions and preflights: positional arrays, header lines flattened to
 * [name, value, name, value…], and no verdict when the engine would compute the same one again on
 * restore, header lines packed (header-lines.ts). A listed transaction takes about a fifth of its
 * JSON size this way, which is what lets a
 * tab's 5,000 transactions fit storage.session's 10 MB, and keeps each checkpoint's write small.
 *
 * WARNING: persisted layout (format 1). Decoders return null for anything they cannot read, and the
 * caller drops it; change the layout by adding a new format number, never by reinterpreting one.
 * A transaction is BASE_LENGTH values, plus one optional trailing value: missedStart's firstEvent,
 * only for a request whose start never arrived (appended later; records without it read as before).
 */
import type { Evaluate, Transaction, TransactionPreflight, TransactionRedirect, TransactionResponse } from '../core/model';
import { toObserved } from '../core/model';
import type { ResourceType, Verdict } from '../core/types';
import { LinePacker, LineUnpacker } from './header-lines';

const FORMAT = 1;
/** In the verdict slot: the verdict is not stored, recompute it (see encodeTransaction). */
const RECOMPUTE = 0;
/** Values of a packed transaction without the optional trailing ones. */
const BASE_LENGTH = 22;

type Packed = unknown[];

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function packPreflight(p: TransactionPreflight, lines = new LinePacker()): Packed {
  return [
    p.requestId, p.url, p.status, lines.pack(p.requestHeaders), lines.pack(p.responseHeaders), p.startedAt, p.endedAt,
    p.fromCache ? 1 : 0, p.redirectedTo, p.netError, p.coveredBy === null ? null : [p.coveredBy.transactionId, p.coveredBy.expiresAt],
  ];
}

export function unpackPreflight(value: unknown, lines = new LineUnpacker()): TransactionPreflight | null {
  if (!Array.isArray(value)) {
    // A record stored whole (before this format): taken as it is.
    const whole = value as Partial<TransactionPreflight> | null;
    return typeof whole === 'object' && whole !== null && typeof whole.requestId === 'string' && Array.isArray(whole.requestHeaders) ? (whole as TransactionPreflight) : null;
  }
  if (value.length !== 11) return null;
  const [requestId, url, status, requestHeaders, responseHeaders, startedAt, endedAt, fromCache, redirectedTo, netError, coveredBy] = value as unknown[];
  const request = lines.unpack(requestHeaders);
  const response = lines.unpack(responseHeaders);
  if (typeof requestId !== 'string' || typeof url !== 'string' || request === null || response === null || typeof startedAt !== 'number') return null;
  let covered: TransactionPreflight['coveredBy'] = null;
  if (Array.isArray(coveredBy)) {
    const [transactionId, expiresAt] = coveredBy as unknown[];
    if (typeof expiresAt !== 'number') return null;
    covered = { transactionId: str(transactionId), expiresAt };
  }
  return {
    requestId, url, status: num(status), requestHeaders: request, responseHeaders: response, startedAt, endedAt: num(endedAt),
    fromCache: fromCache === 1, redirectedTo: str(redirectedTo), netError: str(netError), coveredBy: covered,
  };
}

function packRedirect(r: TransactionRedirect, lines: LinePacker): Packed {
  return [r.url, r.status, lines.pack(r.responseHeaders), r.location, r.nextRequestHeaders === null ? null : lines.pack(r.nextRequestHeaders), r.nextPreflight === null ? null : packPreflight(r.nextPreflight, lines)];
}

function unpackRedirect(value: unknown, lines: LineUnpacker): TransactionRedirect | null {
  if (!Array.isArray(value) || value.length !== 6) return null;
  const [url, status, responseHeaders, location, nextRequestHeaders, nextPreflight] = value as unknown[];
  const headers = lines.unpack(responseHeaders);
  const next = nextRequestHeaders === null ? null : lines.unpack(nextRequestHeaders);
  const preflight = nextPreflight === null ? null : unpackPreflight(nextPreflight, lines);
  if (typeof url !== 'string' || typeof status !== 'number' || headers === null || typeof location !== 'string') return null;
  if ((nextRequestHeaders !== null && next === null) || (nextPreflight !== null && preflight === null)) return null;
  return { url, status, responseHeaders: headers, location, nextRequestHeaders: next, nextPreflight: preflight };
}

function packResponse(r: TransactionResponse, lines: LinePacker): Packed {
  return [r.status, r.statusLine, lines.pack(r.responseHeaders), r.fromCache ? 1 : 0, r.ip];
}

function unpackResponse(value: unknown, lines: LineUnpacker): TransactionResponse | null {
  if (!Array.isArray(value) || value.length !== 5) return null;
  const [status, statusLine, headers, fromCache, ip] = value as unknown[];
  const responseHeaders = lines.unpack(headers);
  if (typeof status !== 'number' || typeof statusLine !== 'string' || responseHeaders === null) return null;
  return { status, statusLine, responseHeaders, fromCache: fromCache === 1, ip: str(ip) };
}

/**
 * `keepVerdict`: store the verdict as it is. When false (the caller has checked that the verdict is
 * what evaluate() gives for the record as it stands), it is left out and recomputed on restore.
 */
export function packTransaction(tx: Transaction, keepVerdict: boolean): Packed {
  const verdict = tx.verdict === null ? null : keepVerdict ? tx.verdict : RECOMPUTE;
  // One packer for the whole record, lists in this order; unpackTransaction reads them in the same order.
  const lines = new LinePacker();
  const requestHeaders = tx.requestHeaders === null ? null : lines.pack(tx.requestHeaders);
  const preflight = tx.preflight === null ? null : packPreflight(tx.preflight, lines);
  const redirects = tx.redirects.map((r) => packRedirect(r, lines));
  const response = tx.response === null ? null : packResponse(tx.response, lines);
  const packed: Packed = [
    FORMAT, tx.id, tx.tabId, tx.frameId, tx.parentFrameId, tx.documentId, tx.requestId, tx.url, tx.method, tx.resourceType,
    tx.initiator, tx.crossOrigin ? 1 : 0, tx.startedAt, tx.endedAt, requestHeaders, preflight, redirects, response,
    tx.netError, tx.state, verdict, tx.evaluationError,
  ];
  if (tx.missedStart !== undefined) packed.push(tx.missedStart.firstEvent);
  return packed;
}

/**
 * Leaves a restored record's verdict to be computed when something first reads it (the model when it
 * evicts or re-judges the record, a checkpoint, the export, the panel). A restarted worker would
 * otherwise re-judge every listed request at each start (thousands of them for a busy tab), and a
 * worker Chrome stops every few hundred milliseconds would spend its short life doing so. The
 * engine is deterministic and the record cannot change before the read (its preflight is done, see
 * persisted-model.ts verdictIsCurrent), so the verdict is the one computing it now would give.
 * The property keeps its place among the record's keys (exports list fields in the same order).
 */
export function deferVerdict(tx: Transaction, evaluate: Evaluate): void {
  const settle = (): void => {
    Object.defineProperty(tx, 'verdict', { value: null, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(tx, 'verdict', {
    enumerable: true,
    configurable: true,
    get(): Verdict | null {
      settle();
      recompute(tx, evaluate);
      return tx.verdict;
    },
    set(verdict: Verdict | null) {
      settle();
      tx.verdict = verdict;
    },
  });
}

/** The engine's verdict for a record, exactly as the model computes it (tab-log.ts evaluateListed). */
export function recompute(tx: Transaction, evaluate: Evaluate): void {
  try {
    tx.verdict = evaluate(toObserved(tx));
    tx.evaluationError = null;
  } catch (error) {
    tx.verdict = null;
    tx.evaluationError = error instanceof Error ? error.message : String(error);
  }
}

function unpackList<T>(value: unknown, unpack: (v: unknown, lines: LineUnpacker) => T | null, lines: LineUnpacker): T[] | null {
  if (!Array.isArray(value)) return null;
  const out: T[] = [];
  for (const item of value) {
    const unpacked = unpack(item, lines);
    if (unpacked === null) return null;
    out.push(unpacked);
  }
  return out;
}

/**
 * A stored transaction back as the model's record (a plain record object is taken as it is); null when
 * unreadable. A left-out verdict is recomputed with `evaluate`, or, given a list, the record is put
 * there to be recomputed later (start-up spreads that work out, see recomputeVerdicts).
 */
export function unpackTransaction(value: unknown, evaluate: Evaluate | Transaction[] | null): Transaction | null {
  if (!Array.isArray(value)) {
    const legacy = value as Partial<Transaction> | null;
    return typeof legacy === 'object' && legacy !== null && typeof legacy.id === 'string' && typeof legacy.tabId === 'number' ? (legacy as Transaction) : null;
  }
  if ((value.length !== BASE_LENGTH && value.length !== BASE_LENGTH + 1) || value[0] !== FORMAT) return null;
  const [, id, tabId, frameId, parentFrameId, documentId, requestId, url, method, resourceType, initiator, crossOrigin, startedAt, endedAt,
    requestHeaders, preflight, redirects, response, netError, state, verdict, evaluationError, missedFrom] = value as unknown[];
  const lines = new LineUnpacker(); // in packTransaction's order
  const headers = requestHeaders === null ? null : lines.unpack(requestHeaders);
  const pf = preflight === null ? null : unpackPreflight(preflight, lines);
  const hops = unpackList(redirects, unpackRedirect, lines);
  const final = response === null ? null : unpackResponse(response, lines);
  if (typeof id !== 'string' || typeof tabId !== 'number' || typeof frameId !== 'number' || typeof parentFrameId !== 'number') return null;
  if (typeof requestId !== 'string' || typeof url !== 'string' || typeof method !== 'string' || typeof resourceType !== 'string') return null;
  if (typeof startedAt !== 'number' || (state !== 'pending' && state !== 'done') || hops === null) return null;
  if ((requestHeaders !== null && headers === null) || (preflight !== null && pf === null) || (response !== null && final === null)) return null;
  const tx: Transaction = {
    id, tabId, frameId, parentFrameId, documentId: str(documentId), requestId, url, method, resourceType: resourceType as ResourceType,
    initiator: str(initiator), crossOrigin: crossOrigin === 1, startedAt, endedAt: num(endedAt), requestHeaders: headers, preflight: pf,
    redirects: hops, response: final, netError: str(netError), state, verdict: null, evaluationError: str(evaluationError),
  };
  if (typeof missedFrom === 'string') tx.missedStart = { firstEvent: missedFrom };
  if (verdict === RECOMPUTE) {
    if (evaluate === null) return null;
    if (Array.isArray(evaluate)) evaluate.push(tx);
    else recompute(tx, evaluate);
  } else if (typeof verdict === 'object' && verdict !== null) {
    tx.verdict = verdict as Verdict;
  }
  return tx;
}
