import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/core/advice';
import { blockedPreflight, h, putTx } from './fixtures';
import { PAGE, PUT_CASE, WILDCARD_CASE, hostileCase, snippet } from './snippet-cases';

describe('Spring', () => {
  it('registers a CorsConfigurationSource and enables http.cors()', () => {
    const { code } = snippet('spring', PUT_CASE);
    expect(code).toContain(`config.setAllowedOrigins(List.of("${PAGE}"));`);
    expect(code).toContain('config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT"));');
    expect(code).toContain('config.setAllowedHeaders(List.of("content-type", "x-api-key"));');
    expect(code).toContain('config.setAllowCredentials(true);');
    expect(code).toContain('config.setMaxAge(600L);');
    expect(code).toContain('http.cors(Customizer.withDefaults());');
  });

  it('escapes a hostile value as a Java string (no \\u escapes)', () => {
    expect(snippet('spring', hostileCase('https://a.example"\u0001')).code).toContain('List.of("https://a.example\\"\\001")');
  });

  it('knows the Spring Security and allowedOriginPatterns pitfalls', () => {
    const text = snippet('spring').pitfalls.join('\n');
    expect(text).toContain('http.cors(');
    expect(text).toContain('allowedOriginPatterns');
  });
});

describe('ASP.NET Core', () => {
  it('builds a policy and calls UseCors between UseRouting and UseAuthentication', () => {
    const { code } = snippet('aspnet', PUT_CASE);
    expect(code).toContain(`.WithOrigins("${PAGE}")`);
    expect(code).toContain('.WithMethods("GET", "HEAD", "POST", "PUT")');
    expect(code).toContain('.WithHeaders("content-type", "x-api-key")');
    expect(code).toContain('.SetPreflightMaxAge(TimeSpan.FromSeconds(600)));');
    const routing = code.indexOf('app.UseRouting();');
    const cors = code.indexOf('app.UseCors("CorsLens");');
    expect(routing).toBeLessThan(cors);
    expect(cors).toBeLessThan(code.indexOf('app.UseAuthentication();'));
  });

  it('uses AllowAnyOrigin() for "*" and closes the policy on its last call', () => {
    const { code } = snippet('aspnet', WILDCARD_CASE);
    expect(code).toContain('.AllowAnyOrigin()');
    expect(code).toMatch(/\.WithMethods\("GET", "HEAD", "POST"\)\);\n\}\);/);
  });

  it('knows the JWT 401 and middleware order pitfall', () => {
    expect(snippet('aspnet').pitfalls[0]).toContain('JWT 401');
  });
});

describe('Go (rs/cors)', () => {
  it('fills cors.Options with gofmt alignment', () => {
    const { code } = snippet('go-rs-cors', PUT_CASE);
    expect(code).toContain(`\t\tAllowedOrigins:   []string{"${PAGE}"},`);
    expect(code).toContain('\t\tAllowedHeaders:   []string{"content-type", "x-api-key"},');
    expect(code).toContain('\t\tAllowCredentials: true,');
    expect(code).toContain('\t\tMaxAge:           600,');
    expect(code).toContain('c.Handler(mux)');
  });

  it('escapes a hostile value as a Go string', () => {
    expect(snippet('go-rs-cors', hostileCase('https://a.example"`')).code).toContain('[]string{"https://a.example\\"`"}');
  });

  it('puts the "omits ACAO when a header is not allowed" pitfall first for a missing ACAO on the preflight', () => {
    const result = explain(blockedPreflight('PreflightMissingAllowOriginHeader'), putTx(204, [h('Vary', 'Origin')]), { stack: 'go-rs-cors' });
    expect(result.snippets[0]?.pitfalls[0]).toContain('without Access-Control-Allow-Origin');
  });
});
