/**
 * The state keeps Records, not Maps: it is persisted as JSON (storage.session) and must survive a
 * round-trip unchanged. Removing a key is therefore how a Record shrinks; this is the one place
 * that does it.
 */
export function removeKey(record: Record<string, unknown>, key: string): void {
  Reflect.deleteProperty(record, key);
}
