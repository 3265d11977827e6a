/**
 * What the advice layer hands the UI: a verdict turned into plain words, the exact headers the server
 * must send, and copy-paste configuration for each server stack. Everything here is data: values from
 * the page, the request or the response are carried verbatim inside strings and are never markup.
 */
import type { FirefoxReason, Finding } from '../types';

export type StackId =
  | 'express' | 'nginx' | 'apache' | 'caddy' | 'rack-cors' | 'django' | 'spring' | 'aspnet'
  | 'fastapi' | 'go-rs-cors' | 'aws' | 'cloudflare';

export interface StackInfo {
  readonly id: StackId;
  readonly name: string;
}

/** Which response must carry the headers: the preflight, the final response, or a redirect hop. */
export type HeaderPlace = 'preflight' | 'response' | 'redirect';

export interface RequiredHeader {
  readonly name: string;
  readonly value: string;
  /** Plain words: why this header, with this value, is needed for this request. */
  readonly why: string;
  /** Which response this line belongs on (the failing one first, then the ones that follow it). */
  readonly appliesTo: HeaderPlace;
}

export interface StackSnippet {
  readonly stack: StackId;
  /** Display name of the stack (as in STACKS). */
  readonly name: string;
  /** Language of `code`, for highlighting: javascript, nginx, apache, caddyfile, ruby, python, java, csharp, go, yaml. */
  readonly language: string;
  readonly code: string;
  /** Mistakes people make with this stack, the ones relevant to this failure first. */
  readonly pitfalls: readonly string[];
}

export interface AdviceFinding {
  readonly severity: Finding['severity'];
  readonly title: string;
  readonly text: string;
}

export interface Explanation {
  /** One line, plain words: the failed check and the actual value. */
  readonly title: string;
  /** A short paragraph: root cause first when there is one, then what was checked, what came back, what it means. */
  readonly paragraph: string;
  readonly requiredHeaders: readonly RequiredHeader[];
  /** Which response must carry the headers to fix this failure; null when no header can fix it. */
  readonly where: HeaderPlace | null;
  /** The stack chosen by the user, else the one guessed from response headers. */
  readonly stack: StackId | null;
  /** One snippet for every stack, the chosen or detected one first. */
  readonly snippets: readonly StackSnippet[];
  readonly mdnUrl: string | null;
  readonly firefoxReason: FirefoxReason | null;
  readonly findings: readonly AdviceFinding[];
}

export interface ExplainOptions {
  readonly stack?: StackId;
}

export interface StackGuess {
  readonly stack: StackId;
  /** The header line that gave it away, e.g. `Server: nginx/1.25.3`. */
  readonly evidence: string;
}
