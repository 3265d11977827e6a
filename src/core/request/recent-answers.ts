/**
 * The last few answers of a pure function of (method, flag, header list), found again by comparing
 * contents line by line: no key string to build and hash for each question. A page sends the same
 * few header sets request after request, so a short list catches them; when full, the oldest answer
 * makes room. Answers are only ever read.
 */
import type { HeaderList } from '../types';

interface Entry<V> {
  readonly method: string;
  readonly flag: boolean;
  readonly names: readonly string[];
  readonly values: readonly string[];
  readonly answer: V;
}

/** `count`: how many lines of `headers` count (all of them when omitted), so a caller may reuse a longer array. */
export interface RecentAnswers<V> {
  find(method: string, flag: boolean, headers: HeaderList, count?: number): V | undefined;
  remember(method: string, flag: boolean, headers: HeaderList, answer: V, count?: number): void;
}

function matches<V>(entry: Entry<V>, method: string, flag: boolean, headers: HeaderList, count: number): boolean {
  if (entry.flag !== flag || entry.names.length !== count || entry.method !== method) return false;
  for (let i = 0; i < count; i++) {
    const header = headers[i];
    if (header === undefined || entry.names[i] !== header.name || entry.values[i] !== header.value) return false;
  }
  return true;
}

export function createRecentAnswers<V>(size: number): RecentAnswers<V> {
  const entries: Entry<V>[] = [];
  let next = 0;
  return {
    find(method, flag, headers, count = headers.length) {
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (entry !== undefined && matches(entry, method, flag, headers, count)) return entry.answer;
      }
      return undefined;
    },
    remember(method, flag, headers, answer, count = headers.length) {
      // Copies of the strings, not of the list: the caller's list may change afterwards.
      const lines = headers.slice(0, count);
      const entry: Entry<V> = { method, flag, names: lines.map((h) => h.name), values: lines.map((h) => h.value), answer };
      entries[next] = entry;
      next = (next + 1) % size;
    },
  };
}
