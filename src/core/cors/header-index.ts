/**
 * Header lookups over a header list: names matched case-insensitively (as `toLowerCase`), values
 * trimmed of HTTP whitespace, duplicates kept in order. `get` combines duplicate lines with `, `
 * exactly as Chromium's HttpResponseHeaders::GetNormalizedHeader does, which is what the CORS checks
 * read (reference §3.1).
 *
 * Lookups scan the list instead of indexing it up front (a response carries a dozen lines and the
 * checks ask for a handful of names) and remember their answer. `headerIndexOf` hands out one index
 * per list, so the two walks of an evaluation and its findings share the answers.
 */
import type { HeaderList } from '../types';
import { isHeaderNamed } from './header-name';
import { trimHeaderValue } from './http-syntax';

export const ACAO = 'access-control-allow-origin';
export const ACAC = 'access-control-allow-credentials';
export const ACAM = 'access-control-allow-methods';
export const ACAH = 'access-control-allow-headers';
export const ACMA = 'access-control-max-age';
export const ACEH = 'access-control-expose-headers';
export const ACRH = 'access-control-request-headers';

export class HeaderIndex {
  private readonly headers: HeaderList;
  /** Names asked so far and their answers (the checks ask for a handful of constant names). */
  private readonly asked: string[] = [];
  private readonly answers: (string | null)[] = [];

  constructor(headers: HeaderList) {
    this.headers = headers;
  }

  /** All lines of `name` joined with `, `; null when absent. `name` must be lowercase. */
  get(name: string): string | null {
    const at = this.asked.indexOf(name);
    if (at >= 0) return this.answers[at] ?? null;
    let combined: string | null = null;
    for (const header of this.headers) {
      if (!isHeaderNamed(header.name, name)) continue;
      const value = trimHeaderValue(header.value);
      combined = combined === null ? value : `${combined}, ${value}`;
    }
    this.asked.push(name);
    this.answers.push(combined);
    return combined;
  }

  /** How many lines carried `name` (Firefox counts duplicate Access-Control-Allow-Origin lines). */
  count(name: string): number {
    let lines = 0;
    for (const header of this.headers) if (isHeaderNamed(header.name, name)) lines++;
    return lines;
  }

  has(name: string): boolean {
    for (const header of this.headers) if (isHeaderNamed(header.name, name)) return true;
    return false;
  }

  private distinctNames: Set<string> | null = null;

  /** Lowercased names, each once, in order of first appearance. */
  names(): IterableIterator<string> {
    if (this.distinctNames === null) {
      this.distinctNames = new Set<string>();
      for (const header of this.headers) this.distinctNames.add(header.name.toLowerCase());
    }
    return this.distinctNames.values();
  }
}

/**
 * Within one evaluation, every question about the same header list goes to one index (the two walks
 * and the findings ask about the same responses). Scoped to the evaluation so nothing is assumed
 * about lists the caller may change afterwards; outside a scope each call gets a fresh index.
 */
let scope: Map<HeaderList, HeaderIndex> | null = null;

export function withHeaderScope<T>(fn: () => T): T {
  const outer = scope;
  scope = new Map();
  try {
    return fn();
  } finally {
    scope = outer;
  }
}

export function headerIndexOf(headers: HeaderList): HeaderIndex {
  if (scope === null) return new HeaderIndex(headers);
  let index = scope.get(headers);
  if (index === undefined) {
    index = new HeaderIndex(headers);
    scope.set(headers, index);
  }
  return index;
}
