import type { StorageAreaLike } from '../../../src/background/session-cache';

/**
 * An in-memory storage area with chrome.storage.session's quota behaviour: a `set` whose JSON size
 * would exceed `quotaBytes` is refused whole, as Chrome does ("Session storage quota bytes exceeded").
 */
export class FakeStorageArea implements StorageAreaLike {
  readonly data = new Map<string, unknown>();
  writes = 0;
  /** While true, `get` never answers: a worker stopped while it loads. */
  hangGets = false;
  constructor(public quotaBytes = 10 * 1024 * 1024) {}

  bytesInUse(): number {
    let total = 0;
    for (const [key, value] of this.data) total += key.length + JSON.stringify(value).length;
    return total;
  }

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    if (this.hangGets) return new Promise(() => undefined);
    const wanted = keys == null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    let after = this.bytesInUse();
    for (const [key, value] of Object.entries(items)) {
      const previous = this.data.get(key);
      if (previous !== undefined) after -= key.length + JSON.stringify(previous).length;
      after += key.length + JSON.stringify(value).length;
    }
    if (after > this.quotaBytes) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    this.writes++;
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }

  async getKeys(): Promise<string[]> {
    if (this.hangGets) return new Promise(() => undefined);
    return [...this.data.keys()];
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }
}
