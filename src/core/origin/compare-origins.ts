/**
 * Part-by-part comparison of the page origin, the request target and an Access-Control-Allow-Origin
 * value (reference §1, §3), so the UI can point at the one part that differs: a trailing slash shows
 * as 'path', `:443` on https or an uppercase host as 'port' / 'host', `null` or garbage as 'whole'.
 */
import type { OriginComparison, OriginComponent, OriginParts } from '../types';
import { OPAQUE_ORIGIN, defaultPortOf, parseOrigin } from './parse-origin';
import { parseUrl, schemeOf } from './whatwg-url';
import type { WhatwgUrl } from './whatwg-url';

/** A space or comma means several values (Chromium's MultipleAllowOriginValues test). */
const LIST_SEPARATOR = /[ ,]/;

/** The origin-looking prefix of a value exactly as written, before any canonicalization. */
interface WrittenOrigin {
  readonly scheme: string;
  readonly host: string;
  readonly port: string;
  /** Whatever follows the authority: `/`, `/path`, `?q`, `#f`. */
  readonly rest: string;
}

function splitWrittenOrigin(raw: string): WrittenOrigin | null {
  const schemeEnd = raw.indexOf('://');
  if (schemeEnd <= 0) return null;
  const afterScheme = schemeEnd + 3;
  let authorityEnd = raw.length;
  for (let i = afterScheme; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x2f /* / */ || c === 0x3f /* ? */ || c === 0x23 /* # */) {
      authorityEnd = i;
      break;
    }
  }
  const authority = raw.slice(afterScheme, authorityEnd);
  if (authority === '' || authority.includes('@')) return null;
  // An IPv6 literal carries colons inside its brackets; the port colon comes after `]`.
  const hostEnd = authority.startsWith('[') ? authority.indexOf(']') + 1 : 0;
  const portColon = authority.indexOf(':', hostEnd);
  return {
    scheme: raw.slice(0, schemeEnd),
    host: portColon === -1 ? authority : authority.slice(0, portColon),
    port: portColon === -1 ? '' : authority.slice(portColon + 1),
    rest: raw.slice(authorityEnd),
  };
}

function effectivePort(url: WhatwgUrl): number | null {
  return url.port === '' ? defaultPortOf(schemeOf(url)) : Number(url.port);
}

/**
 * Which parts of an Access-Control-Allow-Origin value keep it from being byte-equal to the Origin the
 * browser sent. Empty when they are equal.
 */
export function allowOriginDiffers(allowOrigin: string, originSent: string): OriginComponent[] {
  if (allowOrigin === originSent) return [];
  if (originSent === OPAQUE_ORIGIN || allowOrigin === OPAQUE_ORIGIN) return ['whole'];
  const written = splitWrittenOrigin(allowOrigin);
  const allowed = written === null ? null : parseUrl(allowOrigin);
  const sent = parseUrl(originSent);
  // Several values (`a, b`) or anything the URL parser rejects is wrong as a whole.
  if (written === null || allowed === null || sent === null || LIST_SEPARATOR.test(allowOrigin)) return ['whole'];

  const parts: OriginComponent[] = [];
  const allowedScheme = schemeOf(allowed);
  if (allowedScheme !== schemeOf(sent) || written.scheme !== allowedScheme) parts.push('scheme');
  if (allowed.hostname !== sent.hostname || written.host !== allowed.hostname) parts.push('host');
  // `:443` written on https, or `0443`, is a port spelling the byte comparison trips on. When only the
  // scheme differs, the implied default ports differ too, but the scheme is what to fix.
  const portSpelledOddly = written.port !== allowed.port;
  const portWritten = written.port !== '' || sent.port !== '' || allowedScheme === schemeOf(sent);
  const portNumberDiffers = portWritten && effectivePort(allowed) !== effectivePort(sent);
  if (portSpelledOddly || portNumberDiffers) parts.push('port');
  if (written.rest !== '') parts.push('path');
  return parts.length > 0 ? parts : ['whole'];
}

/**
 * allowOriginDiffers as a shared, frozen list, remembering the last answer: a verdict asks twice
 * (its origin comparison and its summary), and a server answers the same origin the same way on
 * request after request.
 */
export function sharedAllowOriginDiffers(allowOrigin: string, originSent: string): readonly OriginComponent[] {
  if (allowOrigin !== lastAllowOrigin || originSent !== lastOriginSent) {
    lastDiffers = Object.freeze(allowOriginDiffers(allowOrigin, originSent));
    lastAllowOrigin = allowOrigin;
    lastOriginSent = originSent;
  }
  return lastDiffers;
}

let lastAllowOrigin: string | null = null;
let lastOriginSent: string | null = null;
let lastDiffers: readonly OriginComponent[] = Object.freeze([]);

/** Why two origins are not the same origin, by component; 'whole' when either is opaque. */
export function crossOriginComponents(a: OriginParts, b: OriginParts): OriginComponent[] {
  if (a.serialized === null || b.serialized === null) return ['whole'];
  const parts: OriginComponent[] = [];
  if (a.scheme !== b.scheme) parts.push('scheme');
  if (a.host !== b.host) parts.push('host');
  if (a.port !== b.port) parts.push('port');
  return parts;
}

export interface OriginComparisonInput {
  /** Serialized initiator origin; null when browser-initiated. */
  readonly initiator: string | null;
  /** URL of the hop the verdict is about. */
  readonly targetUrl: string;
  /** Combined Access-Control-Allow-Origin value the check looked at, if any. */
  readonly allowOrigin: string | null;
  /** The Origin the browser sent at that hop. */
  readonly originSent: string | null;
}

export function compareOrigins(input: OriginComparisonInput): OriginComparison {
  return compareWithTarget(input.initiator, input.allowOrigin, input.originSent, parseOrigin(input.targetUrl));
}

/**
 * compareOrigins when the caller already has the target's parts (`parseOrigin(targetUrl)`) and
 * possibly the page's (`parseOrigin(initiator)`): request URLs are unique, so parsing them again
 * would only churn parseOrigin's memo. The other arguments are OriginComparisonInput's.
 */
export function compareWithTarget(
  initiator: string | null, allowOrigin: string | null, originSent: string | null, target: OriginParts, pageParts?: OriginParts,
): OriginComparison {
  const page = initiator === null ? null : (pageParts ?? parseOrigin(initiator));
  return {
    page,
    target,
    allowOrigin: allowOrigin === null ? null : parseOrigin(allowOrigin),
    allowOriginDiffers:
      allowOrigin === null || originSent === null || allowOrigin === '*' || allowOrigin === originSent
        ? NO_COMPONENTS
        : sharedAllowOriginDiffers(allowOrigin, originSent),
    crossOriginBy: page === null ? WHOLE : sharedCrossOriginComponents(page, target),
    originSent,
  };
}

/*
 * The component lists a comparison hands out most often, made once and frozen: every verdict
 * carries two of them, and they are only ever read (a frozen array throws instead of changing
 * other verdicts' lists if anyone tried).
 */
const NO_COMPONENTS: readonly OriginComponent[] = Object.freeze([]);
const WHOLE: readonly OriginComponent[] = Object.freeze(['whole'] as const);
/** Indexed by a mask: 1 scheme, 2 host, 4 port (the order crossOriginComponents lists them in). */
const BY_MASK: readonly (readonly OriginComponent[])[] = Array.from({ length: 8 }, (_, mask) =>
  Object.freeze((['scheme', 'host', 'port'] as const).filter((_, bit) => (mask & (1 << bit)) !== 0)));

/** crossOriginComponents as one of the shared lists. */
function sharedCrossOriginComponents(a: OriginParts, b: OriginParts): readonly OriginComponent[] {
  if (a.serialized === null || b.serialized === null) return WHOLE;
  const mask = (a.scheme !== b.scheme ? 1 : 0) | (a.host !== b.host ? 2 : 0) | (a.port !== b.port ? 4 : 0);
  return BY_MASK[mask] ?? crossOriginComponents(a, b);
}
