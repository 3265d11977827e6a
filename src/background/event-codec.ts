/**
 * Logged events as stored: header lines packed (header-lines.ts), the rest as is. Every webRequest
 * event is written once to the log, so its size is paid on every event of every request.
 * WARNING: persisted layout: a JSON string; a stored event without `packed: 1` (or not a string) is read as it is.
 */
import type { CaptureEvent } from '../core/model';
import type { Header } from '../core/types';
import { LinePacker, LineUnpacker } from './header-lines';
import { readStored, storedJson } from './stored-json';

type Loose = Record<string, unknown>;

/** The event as stored: one JSON string (see stored-json.ts), header lines packed. */
export function packEvent(event: CaptureEvent): string {
  const withHeaders = event as { requestHeaders?: readonly Header[] | null; responseHeaders?: readonly Header[] | null };
  const request = withHeaders.requestHeaders;
  const response = withHeaders.responseHeaders;
  if (!request && !response) return storedJson(event);
  const lines = new LinePacker();
  const packed: Loose = { ...event, packed: 1 };
  if (request) packed.requestHeaders = lines.pack(request);
  if (response) packed.responseHeaders = lines.pack(response);
  return storedJson(packed);
}

/** A stored event back as the CaptureEvent it was; null when it is not one. */
export function unpackEvent(raw: unknown): CaptureEvent | null {
  const value = readStored(raw);
  if (typeof value !== 'object' || value === null || typeof (value as Loose).kind !== 'string') return null;
  const stored = value as Loose;
  if (stored.packed !== 1) return value as CaptureEvent;
  const { packed: _flag, ...event } = stored;
  const lines = new LineUnpacker(); // requestHeaders first, as packEvent packs them
  for (const key of ['requestHeaders', 'responseHeaders'] as const) {
    if (!Array.isArray(event[key])) continue;
    const headers = lines.unpack(event[key]);
    if (headers === null) return null;
    event[key] = headers;
  }
  return event as unknown as CaptureEvent;
}
