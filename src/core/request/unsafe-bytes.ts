/**
 * CORS-unsafe request-header bytes (reference §2.3): below 0x20 except HT, the delimiters
 * `" ( ) : < > ? @ [ \ ] { }`, and DEL. Bytes 0x80 and above are NOT unsafe, so the UTF-8 bytes of
 * a non-ASCII character never are: checking UTF-16 code units gives the same answer as checking bytes.
 */
const UNSAFE_DELIMITERS = new Set(['"', '(', ')', ':', '<', '>', '?', '@', '[', '\\', ']', '{', '}']);

export function isCorsUnsafeRequestHeaderByte(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f || UNSAFE_DELIMITERS.has(char);
}

/** The first CORS-unsafe byte in `value`, or null when there is none. */
export function firstCorsUnsafeByte(value: string): string | null {
  for (const char of value) {
    if (isCorsUnsafeRequestHeaderByte(char)) return char;
  }
  return null;
}

/**
 * Accept-Language and Content-Language allow only `0-9 A-Z a-z`, space and `* , - . ; =`.
 * Returns the first other character (any non-ASCII one included), or null.
 */
export function firstDisallowedLanguageByte(value: string): string | null {
  for (const char of value) {
    if (!/^[0-9A-Za-z *,\-.;=]$/.test(char)) return char;
  }
  return null;
}
