/**
 * Records go to storage.session as one JSON string each. Chrome counts a session value's quota by
 * its in-memory size as a base::Value, where every list element and object field costs tens of
 * bytes of its own: a packed transaction (a hundred small values) counted about 3× its JSON length,
 * one string counts about its length. One string is also one value for the extension messaging
 * layer to convert instead of hundreds (JSON.stringify in V8 is faster than that conversion).
 */
export function storedJson(value: unknown): string {
  return JSON.stringify(value);
}

/** A stored record back as data: a JSON string is parsed, anything else (an older layout) taken as it is. */
export function readStored(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
