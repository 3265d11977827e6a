/**
 * The subset of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) that CORS Lens writes.
 * Custom fields start with an underscore, as the spec requires.
 */
export interface HarHeader {
  readonly name: string;
  readonly value: string;
}

export interface HarQueryParam {
  readonly name: string;
  readonly value: string;
}

export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly cookies: readonly [];
  readonly headers: readonly HarHeader[];
  readonly queryString: readonly HarQueryParam[];
  readonly headersSize: -1;
  readonly bodySize: -1;
}

export interface HarResponse {
  /** 0 when no response arrived (as Chrome's own HAR export does). */
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly cookies: readonly [];
  readonly headers: readonly HarHeader[];
  readonly content: { readonly size: number; readonly mimeType: string };
  readonly redirectURL: string;
  readonly headersSize: -1;
  readonly bodySize: -1;
  /** Chrome's field for a failed request (`net::ERR_FAILED`). */
  readonly _error?: string;
}

/** CORS Lens' verdict on the transaction this entry belongs to. */
export interface HarCorsLens {
  readonly transactionId: string;
  /** Which leg of the transaction this entry is. */
  readonly leg: 'preflight' | 'redirect' | 'request';
  readonly outcome: string | null;
  readonly corsError: string | null;
  readonly failedParameter: string | null;
  readonly summary: string | null;
}

export interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: HarRequest;
  readonly response: HarResponse;
  readonly cache: Record<string, never>;
  readonly timings: { readonly send: number; readonly wait: number; readonly receive: number };
  readonly _corsLens: HarCorsLens;
}

export interface HarLog {
  readonly log: {
    readonly version: '1.2';
    readonly creator: { readonly name: string; readonly version: string };
    readonly entries: readonly HarEntry[];
    readonly comment?: string;
  };
}
