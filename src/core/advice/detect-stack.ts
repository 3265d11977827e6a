/**
 * Guesses the server stack from response headers, only on strong evidence (a header the stack sets by
 * default). Application frameworks win over web servers, and web servers over CDNs: when an Express app
 * sits behind nginx behind Cloudflare, the CORS headers are most often the app's job.
 */
import type { HeaderList } from '../types';
import type { StackGuess, StackId } from './types';

interface Rule {
  readonly header: string;
  /** Tested against the header value; a header that is present at all matches when omitted. */
  readonly value?: RegExp;
  readonly stack: StackId;
}

// Ordered: the first rule that matches any header wins.
const RULES: readonly Rule[] = [
  // Application frameworks.
  { header: 'x-powered-by', value: /\bexpress\b/i, stack: 'express' },
  { header: 'x-powered-by', value: /\basp\.net\b/i, stack: 'aspnet' },
  { header: 'server', value: /\bkestrel\b/i, stack: 'aspnet' },
  { header: 'x-aspnet-version', stack: 'aspnet' },
  { header: 'x-powered-by', value: /\bdjango\b/i, stack: 'django' },
  // Django's development server (`manage.py runserver`) announces itself as WSGIServer.
  { header: 'server', value: /\bwsgiserver\b/i, stack: 'django' },
  { header: 'server', value: /\b(uvicorn|hypercorn)\b/i, stack: 'fastapi' },
  { header: 'x-powered-by', value: /\bphusion passenger\b/i, stack: 'rack-cors' },
  { header: 'server', value: /\b(phusion passenger|puma)\b/i, stack: 'rack-cors' },
  // Rails adds X-Runtime (Rack::Runtime) by default.
  { header: 'x-runtime', value: /^\s*\d+(\.\d+)?\s*$/, stack: 'rack-cors' },
  // Tomcat (embedded in Spring Boot) and old Spring Boot's application-context header.
  { header: 'server', value: /\bapache-coyote\b/i, stack: 'spring' },
  { header: 'x-application-context', stack: 'spring' },
  // AWS: API Gateway, then S3.
  { header: 'x-amz-apigw-id', stack: 'aws' },
  { header: 'x-amzn-requestid', stack: 'aws' },
  { header: 'x-amzn-errortype', stack: 'aws' },
  { header: 'server', value: /\bamazons3\b/i, stack: 'aws' },
  { header: 'x-amz-request-id', stack: 'aws' },
  { header: 'x-amz-id-2', stack: 'aws' },
  // Web servers.
  { header: 'server', value: /\bcaddy\b/i, stack: 'caddy' },
  { header: 'via', value: /\bcaddy\b/i, stack: 'caddy' },
  { header: 'server', value: /\b(nginx|openresty)\b/i, stack: 'nginx' },
  { header: 'server', value: /^\s*apache\b(?!-coyote)/i, stack: 'apache' },
  // CDN edge.
  { header: 'server', value: /^\s*cloudflare\b/i, stack: 'cloudflare' },
  { header: 'cf-ray', stack: 'cloudflare' },
  { header: 'via', value: /\bcloudfront\b/i, stack: 'aws' },
];

export function detectStack(headers: HeaderList): StackGuess | null {
  for (const rule of RULES) {
    for (const h of headers) {
      if (h.name.toLowerCase() !== rule.header) continue;
      if (rule.value && !rule.value.test(h.value)) continue;
      return { stack: rule.stack, evidence: `${h.name}: ${h.value}` };
    }
  }
  return null;
}
