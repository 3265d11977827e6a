/**
 * Header lookups over a header list: names matched case-insensitively (as `toLowerCase`), values
 * trimmed of HTTP whitespace, duplicates kept in order. `get` combines duplicate lines with `, `
 * exactly as Chromium's HttpResponseHeaders::GetNormalizedHeader does, which is what the CORS checks
 * read (reference §3.1).
 *
 * The names the checks ask about (known-headers.ts) are indexed in one pass over the list, on first
 * use; any other name is looked up by a scan and its answer remembered. `headerIndexOf` hands out one
 * index per list within an evaluation, so the two walks and the findings share the answers.
 */
import type { HeaderList } from '../types';
import { isHeaderNamed } from './header-name';
import { trimHeaderValue } from './http-syntax';
import { KNOWN_HEADER_COUNT, KNOWN_HEADER_ID, knownHeaderId } from './known-headers';

const NO_VALUES: readonly string[] = [];

/** How many bits of `bits` are set (at most 16 here: one per known name). */
function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export const ACAO = 'access-control-allow-origin';
export const ACAC = 'access-control-allow-credentials';
export const ACAM = 'access-control-allow-methods';
export const ACAH = 'access-control-allow-headers';
export const ACMA = 'access-control-max-age';
export const ACEH = 'access-control-expose-headers';
export const ACRH = 'access-control-request-headers';

/** What an index rarely needs: answers for other names, duplicate known lines, the distinct names. */
interface RareParts {
  asked: string[];
  answers: (string | null)[];
  /** The first line alone, and how many lines followed it, of the known names that came more than once, by number. */
  firstLines: (string | undefined)[];
  extraLines: (number | undefined)[];
  distinctNames: Set<string> | null;
}

/** Shared while the pass runs, by known-name number: each index keeps an exact-size copy of what it found. */
const found: string[] = new Array<string>(KNOWN_HEADER_COUNT).fill('');

export class HeaderIndex {
  private readonly headers: HeaderList;
  /** One bit per known name present; -1 until the list is indexed (on first use). */
  private present = -1;
  /**
   * The lines of the known names present, combined, in the order of their numbers: the value of
   * name `id` is at the count of present names numbered below it (one read, no search).
   */
  private values: readonly string[] = NO_VALUES;
  private rare: RareParts | null = null;

  constructor(headers: HeaderList) {
    this.headers = headers;
  }

  /** All lines of `name` joined with `, `; null when absent. `name` must be lowercase. */
  get(name: string): string | null {
    const id = KNOWN_HEADER_ID.get(name);
    return id === undefined ? this.getOther(name) : this.valueOf(id);
  }

  /** get() by the number of a known name (known-headers.ts). */
  valueOf(id: number): string | null {
    if (this.present < 0) this.indexKnown();
    const bit = 1 << id;
    if ((this.present & bit) === 0) return null;
    return this.values[bitCount(this.present & (bit - 1))] ?? null;
  }

  /** The first line of a known name alone, trimmed; null when absent. */
  firstOf(id: number): string | null {
    const combined = this.valueOf(id);
    return this.rare?.firstLines[id] ?? combined;
  }

  /** count() by the number of a known name. */
  countOf(id: number): number {
    if (this.valueOf(id) === null) return 0;
    return 1 + (this.rare?.extraLines[id] ?? 0);
  }

  /** How many lines carried `name` (Firefox counts duplicate Access-Control-Allow-Origin lines). */
  count(name: string): number {
    let lines = 0;
    for (const header of this.headers) if (isHeaderNamed(header.name, name)) lines++;
    return lines;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  /** The lines as given. */
  lines(): HeaderList {
    return this.headers;
  }

  /** Lowercased names, each once, in order of first appearance. */
  names(): IterableIterator<string> {
    const rare = this.rareParts();
    if (rare.distinctNames === null) {
      rare.distinctNames = new Set<string>();
      for (const header of this.headers) rare.distinctNames.add(header.name.toLowerCase());
    }
    return rare.distinctNames.values();
  }

  private rareParts(): RareParts {
    return (this.rare ??= { asked: [], answers: [], firstLines: [], extraLines: [], distinctNames: null });
  }

  private indexKnown(): void {
    const headers = this.headers;
    let present = 0;
    for (let i = 0; i < headers.length; i++) {
      const header = headers[i];
      if (header === undefined) continue;
      const id = knownHeaderId(header.name);
      if (id < 0) continue;
      const value = trimHeaderValue(header.value);
      if ((present & (1 << id)) === 0) {
        present |= 1 << id;
        found[id] = value;
      } else {
        this.addDuplicate(id, value);
      }
    }
    this.present = present;
    if (present === 0) return;
    const values = new Array<string>(bitCount(present));
    let at = 0;
    for (let bits = present; bits !== 0; bits &= bits - 1) {
      const id = 31 - Math.clz32(bits & -bits);
      values[at++] = found[id] ?? '';
    }
    this.values = values;
  }

  /** A second line of a known name: combined with `, ` after the first (rare). */
  private addDuplicate(id: number, value: string): void {
    const combined = found[id] ?? '';
    const rare = this.rareParts();
    rare.firstLines[id] ??= combined;
    rare.extraLines[id] = (rare.extraLines[id] ?? 0) + 1;
    found[id] = `${combined}, ${value}`;
  }

  private getOther(name: string): string | null {
    const { asked, answers } = this.rareParts();
    const at = asked.indexOf(name);
    if (at >= 0) return answers[at] ?? null;
    let combined: string | null = null;
    for (const header of this.headers) {
      if (!isHeaderNamed(header.name, name)) continue;
      const value = trimHeaderValue(header.value);
      combined = combined === null ? value : `${combined}, ${value}`;
    }
    asked.push(name);
    answers.push(combined);
    return combined;
  }
}

/**
 * Within one evaluation, every question about the same header list goes to one index (the two walks
 * and the findings ask about the same responses). Scoped to the evaluation so nothing is assumed
 * about lists the caller may change afterwards; outside a scope each call gets a fresh index.
 *
 * An evaluation sees a handful of lists, so the scope is a stretch of two arrays searched by
 * identity, reused from evaluation to evaluation (a nested scope takes the stretch after its
 * outer one's): nothing to allocate per evaluation.
 */
const scopeLists: (HeaderList | null)[] = [];
const scopeIndexes: (HeaderIndex | null)[] = [];
/** Where the innermost open scope starts in the arrays; -1 when none is open. */
let scopeStart = -1;
let scopeEnd = 0;

/** Opens a scope and returns a token for closeHeaderScope. */
export function openHeaderScope(): number {
  const outerStart = scopeStart;
  scopeStart = scopeEnd;
  return outerStart;
}

export function closeHeaderScope(outerStart: number): void {
  // Forget the lists, so the scope keeps nothing alive after its evaluation.
  for (let i = scopeStart; i < scopeEnd; i++) {
    scopeLists[i] = null;
    scopeIndexes[i] = null;
  }
  scopeEnd = scopeStart;
  scopeStart = outerStart;
}

export function withHeaderScope<T>(fn: () => T): T {
  const outer = openHeaderScope();
  try {
    return fn();
  } finally {
    closeHeaderScope(outer);
  }
}

export function headerIndexOf(headers: HeaderList): HeaderIndex {
  if (scopeStart < 0) return new HeaderIndex(headers);
  for (let i = scopeStart; i < scopeEnd; i++) {
    if (scopeLists[i] === headers) {
      const known = scopeIndexes[i];
      if (known !== null && known !== undefined) return known;
    }
  }
  const index = new HeaderIndex(headers);
  scopeLists[scopeEnd] = headers;
  scopeIndexes[scopeEnd] = index;
  scopeEnd++;
  return index;
}
