import { describe, expect, it } from 'vitest';
import { PAGE, PUT_CASE, hostileCase, snippet } from './snippet-cases';

describe('AWS API Gateway / S3', () => {
  it('configures the HTTP API CorsConfiguration for this request', () => {
    const { code } = snippet('aws', PUT_CASE);
    expect(code).toContain(`      AllowOrigins:\n        - "${PAGE}"`);
    expect(code).toContain('        - "PUT"');
    expect(code).toContain('      AllowCredentials: true');
    expect(code).toContain('      MaxAge: 600');
  });

  it('adds CORS headers to the DEFAULT_4XX and DEFAULT_5XX gateway responses', () => {
    const { code } = snippet('aws', PUT_CASE);
    expect(code).toContain('ResponseType: DEFAULT_4XX');
    expect(code).toContain('ResponseType: DEFAULT_5XX');
    expect(code).toContain(`gatewayresponse.header.Access-Control-Allow-Origin: "'${PAGE}'"`);
  });

  it('keeps S3 to the methods S3 supports', () => {
    const { code } = snippet('aws', hostileCase(PAGE, 'PATCH'));
    const s3 = code.slice(code.indexOf('AWS::S3::Bucket'));
    expect(s3).not.toContain('"PATCH"');
    expect(code.slice(0, code.indexOf('AWS::S3::Bucket'))).toContain('"PATCH"');
  });

  it('escapes a hostile value as a YAML double-quoted string', () => {
    expect(snippet('aws', hostileCase('https://a.example"\n#')).code).toContain('- "https://a.example\\"\\n#"');
  });

  it('knows the gateway-response and exact-origin pitfalls', () => {
    const text = snippet('aws').pitfalls.join('\n');
    expect(text).toContain('DEFAULT_4XX');
    expect(text).toContain('compared exactly');
  });
});
