/**
 * Hop-indexed access to a transaction. Hop 0 is the first URL; hop N is the target of the Nth
 * redirect, whose preflight and request headers live on that redirect record (reference §5: each
 * hop is a new main fetch with its own Origin and its own preflight).
 */
import type { Header } from '../types';
import type { Transaction, TransactionPreflight } from './transaction';

export function currentHop(tx: Transaction): number {
  return tx.redirects.length;
}

export function hopPreflight(tx: Transaction, hop: number): TransactionPreflight | null {
  if (hop === 0) return tx.preflight;
  return tx.redirects[hop - 1]?.nextPreflight ?? null;
}

export function setHopPreflight(tx: Transaction, hop: number, preflight: TransactionPreflight | null): void {
  if (hop === 0) {
    tx.preflight = preflight;
    return;
  }
  const redirect = tx.redirects[hop - 1];
  if (redirect) redirect.nextPreflight = preflight;
}

export function hopRequestHeaders(tx: Transaction, hop: number): Header[] | null {
  if (hop === 0) return tx.requestHeaders;
  return tx.redirects[hop - 1]?.nextRequestHeaders ?? null;
}

export function setHopRequestHeaders(tx: Transaction, hop: number, headers: Header[]): void {
  if (hop === 0) {
    tx.requestHeaders = headers;
    return;
  }
  const redirect = tx.redirects[hop - 1];
  if (redirect) redirect.nextRequestHeaders = headers;
}

/**
 * Whether `name` lowercased is `lower` (an ASCII-lowercase name), without allocating the lowercased
 * copy for the usual ASCII names; anything else is left to toLowerCase, whose answer it gives.
 */
function isNamed(name: string, lower: string): boolean {
  // Length first: most names differ in length (toLowerCase keeps an ASCII name's length).
  if (name.length !== lower.length) return false;
  for (let at = 0; at < name.length; at++) {
    let code = name.charCodeAt(at);
    if (code >= 0x80) return name.toLowerCase() === lower;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if (code !== lower.charCodeAt(at)) return false;
  }
  return true;
}

/** All values of one header (case-insensitive name) joined with `, `, as Chromium combines them; null if absent. */
export function headerValue(headers: readonly Header[] | null, name: string): string | null {
  if (!headers) return null;
  const lower = name.toLowerCase();
  let combined: string | null = null;
  for (let at = 0; at < headers.length; at++) {
    const header = headers[at] as Header;
    if (!isNamed(header.name, lower)) continue;
    combined = combined === null ? header.value : `${combined}, ${header.value}`;
  }
  return combined;
}
