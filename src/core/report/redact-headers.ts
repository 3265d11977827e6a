/**
 * Secrets stay on the machine: credentials and cookies are replaced before anything leaves the
 * extension (export, copy). Pure, reused by the UI.
 */
import type { Header } from '../types';

export const REDACTED = '<redacted>';

/** Lowercased names whose values are secrets (legacy Cookie2/Set-Cookie2 included). */
export const SECRET_HEADER_NAMES: readonly string[] = [
  'cookie', 'authorization', 'proxy-authorization', 'set-cookie', 'cookie2', 'set-cookie2',
];

const DEFAULT_SECRETS: ReadonlySet<string> = new Set(SECRET_HEADER_NAMES);

export function isSecretHeader(name: string, secrets: ReadonlySet<string> = DEFAULT_SECRETS): boolean {
  return secrets.has(name.toLowerCase());
}

/** A copy with secret values replaced by `<redacted>`; names, order and duplicates kept. */
export function redactHeaders(headers: readonly Header[], secrets: ReadonlySet<string> = DEFAULT_SECRETS): Header[] {
  return headers.map((header) => (isSecretHeader(header.name, secrets) ? { name: header.name, value: REDACTED } : { name: header.name, value: header.value }));
}
