import { describe, expect, it } from 'vitest';
import { detectStack, type StackId } from '../../../../src/core/advice';
import type { HeaderList } from '../../../../src/core/types';
import { h } from './fixtures';

const CASES: { name: string; headers: HeaderList; stack: StackId | null; evidence?: string }[] = [
  { name: 'Express', headers: [h('X-Powered-By', 'Express')], stack: 'express', evidence: 'X-Powered-By: Express' },
  { name: 'nginx with version', headers: [h('Server', 'nginx/1.25.3')], stack: 'nginx', evidence: 'Server: nginx/1.25.3' },
  { name: 'OpenResty', headers: [h('server', 'openresty')], stack: 'nginx' },
  { name: 'Apache httpd', headers: [h('Server', 'Apache/2.4.58 (Ubuntu)')], stack: 'apache' },
  { name: 'Tomcat is not Apache httpd', headers: [h('Server', 'Apache-Coyote/1.1')], stack: 'spring' },
  { name: 'Caddy', headers: [h('Server', 'Caddy')], stack: 'caddy' },
  { name: 'Kestrel', headers: [h('Server', 'Kestrel')], stack: 'aspnet' },
  { name: 'X-Powered-By ASP.NET', headers: [h('X-Powered-By', 'ASP.NET')], stack: 'aspnet' },
  { name: 'uvicorn', headers: [h('server', 'uvicorn')], stack: 'fastapi' },
  { name: "Django's runserver", headers: [h('Server', 'WSGIServer/0.2 CPython/3.12.1')], stack: 'django' },
  { name: 'Phusion Passenger', headers: [h('X-Powered-By', 'Phusion Passenger(R) 6.0.20')], stack: 'rack-cors' },
  { name: 'Rails X-Runtime', headers: [h('X-Runtime', '0.012345')], stack: 'rack-cors' },
  { name: 'API Gateway', headers: [h('x-amz-apigw-id', 'Abc=')], stack: 'aws', evidence: 'x-amz-apigw-id: Abc=' },
  { name: 'API Gateway request id', headers: [h('x-amzn-RequestId', '1-2-3')], stack: 'aws' },
  { name: 'S3', headers: [h('Server', 'AmazonS3'), h('x-amz-request-id', 'X')], stack: 'aws', evidence: 'Server: AmazonS3' },
  { name: 'Cloudflare server header', headers: [h('Server', 'cloudflare')], stack: 'cloudflare' },
  { name: 'cf-ray alone', headers: [h('CF-RAY', '8a1b2c3d4e5f-AMS')], stack: 'cloudflare', evidence: 'CF-RAY: 8a1b2c3d4e5f-AMS' },
  { name: 'the app wins over the CDN in front', headers: [h('Server', 'cloudflare'), h('cf-ray', 'x'), h('X-Powered-By', 'Express')], stack: 'express' },
  { name: 'the app wins over nginx in front', headers: [h('Server', 'nginx'), h('Server', 'uvicorn')], stack: 'fastapi' },
  { name: 'x-request-id is not evidence', headers: [h('X-Request-Id', 'abc')], stack: null },
  { name: 'a generic Server is not evidence', headers: [h('Server', 'gws')], stack: null },
  { name: 'no headers', headers: [], stack: null },
];

describe('detectStack', () => {
  it.each(CASES)('$name', ({ headers, stack, evidence }) => {
    const guess = detectStack(headers);
    expect(guess?.stack ?? null).toBe(stack);
    if (evidence !== undefined) expect(guess?.evidence).toBe(evidence);
  });
});
