/**
 * Local Network Access (reference §7), only as far as the capture can decide it.
 *
 * Decided: the address spaces of an initiator and a target whose hosts are IP literals or `localhost`.
 * A request from a more public space to a more private one is blocked outright from a non-secure page
 * (InsecureLocalNetwork); from a secure page it needs the permission, which we read off the outcome
 * (net::ERR_FAILED without any response means denied). LNA acts before the request is sent, so any
 * response proves it let the request through.
 * Skipped: hosts known only by a DNS name (the capture has a remote IP only once a response came, and
 * then LNA has already passed), the policy-container inheritance of iframes and workers, and
 * `targetAddressSpace` mismatches (InvalidLocalNetworkAccess).
 */
import type { CorsErrorName, OriginParts } from '../types';
import { createBoundedMemo } from '../util/bounded-memo';

export type AddressSpace = 'loopback' | 'local' | 'public';

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

const RANK: Readonly<Record<AddressSpace, number>> = { loopback: 0, local: 1, public: 2 };

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (part === '' || part.length > 3) return null;
    const n = Number(part);
    if (!Number.isInteger(n) || n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

function ipv4Space(b: readonly number[]): AddressSpace {
  const [a = 0, second = 0] = b;
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && second >= 16 && second <= 31) || (a === 192 && second === 168)) return 'local';
  if ((a === 169 && second === 254) || (a === 100 && second >= 64 && second <= 127)) return 'local';
  return 'public';
}

/** Expands an IPv6 literal (no brackets) to eight 16-bit groups; null when malformed. */
function parseIpv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (half: string | undefined): number[] | null => {
    if (half === undefined || half === '') return [];
    const groups: number[] = [];
    for (const piece of half.split(':')) {
      const v4 = piece.includes('.') ? parseIpv4(piece) : null;
      if (v4 !== null) groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      else if (HEX_GROUP.test(piece)) groups.push(parseInt(piece, 16));
      else return null;
    }
    return groups;
  };
  const head = toGroups(halves[0]);
  const tail = toGroups(halves[1]);
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
}

function ipv6Space(g: readonly number[]): AddressSpace {
  const first = g[0] ?? 0;
  if (g.every((v, i) => (i === 7 ? v === 1 : v === 0))) return 'loopback';
  // IPv4-mapped ::ffff:a.b.c.d takes the space of its IPv4 address.
  if (g.slice(0, 5).every((v) => v === 0) && g[5] === 0xffff) {
    const hi = g[6] ?? 0;
    const lo = g[7] ?? 0;
    return ipv4Space([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return 'local';
  return 'public';
}

/** A page talks to the same few hosts over and over: remember their spaces. */
const SPACES = createBoundedMemo<AddressSpace | null>(256);

/** The address space of a host or IP literal (`[::1]` or `::1`); null for DNS names other than localhost. */
export function addressSpaceOf(hostOrIp: string): AddressSpace | null {
  return SPACES.get(hostOrIp, computeAddressSpace);
}

function computeAddressSpace(hostOrIp: string): AddressSpace | null {
  const host = hostOrIp.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = parseIpv4(host);
  if (v4 !== null) return ipv4Space(v4);
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (!bare.includes(':')) return null;
  const v6 = parseIpv6(bare);
  return v6 === null ? null : ipv6Space(v6);
}

/**
 * Null when LNA does not apply, passed, or cannot be decided from the data. `targetHost`: the first
 * hop's host; `gotResponse`: some response (preflight or actual) came back from the target.
 */
export function checkLocalNetworkAccess(initiator: OriginParts, targetHost: string, gotResponse: boolean, endedWithErrFailed: boolean): CorsErrorName | null {
  if (initiator.host === null) return null;
  const from = addressSpaceOf(initiator.host);
  // Nothing is more private than loopback (most pages under development are on localhost).
  if (from === null || from === 'loopback') return null;
  const to = addressSpaceOf(targetHost);
  if (to === null || RANK[to] >= RANK[from]) return null;
  // LNA stops the request before it is sent: a response proves it was let through.
  if (gotResponse) return null;
  // The initiator is not loopback here, so only https makes it a secure context.
  if (initiator.scheme !== 'https') return 'InsecureLocalNetwork';
  return endedWithErrFailed ? 'LocalNetworkAccessPermissionDenied' : null;
}
