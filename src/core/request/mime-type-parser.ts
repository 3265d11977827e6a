/**
 * The WHATWG "parse a MIME type" algorithm from whatwg-mimetype, without the rest of the package:
 * its entry also carries MIME sniffing, a third of its size, which the engine never uses.
 */
// @ts-expect-error -- the package ships types for its entry only; this file's shape is declared below.
import parse from 'whatwg-mimetype/lib/parser.js';

export interface ParsedMimeType {
  /** Lowercased. */
  readonly type: string;
  /** Lowercased. */
  readonly subtype: string;
  readonly parameters: ReadonlyMap<string, string>;
}

/** null when the value is not a MIME type (the algorithm's failure). */
export const parseMimeType = parse as (input: string) => ParsedMimeType | null;
