import { describe, expect, it } from 'vitest';
import { PAGE, PUT_CASE, WILDCARD_CASE, hostileCase, snippet } from './snippet-cases';

describe('Django (django-cors-headers)', () => {
  it('puts CorsMiddleware above CommonMiddleware and lists the origin', () => {
    const { code } = snippet('django', PUT_CASE);
    expect(code.indexOf('corsheaders.middleware.CorsMiddleware')).toBeLessThan(code.indexOf('django.middleware.common.CommonMiddleware'));
    expect(code).toContain(`CORS_ALLOWED_ORIGINS = [\n    "${PAGE}",\n]`);
    expect(code).toContain('CORS_ALLOW_CREDENTIALS = True');
  });

  it('extends the default headers and methods instead of replacing them', () => {
    const { code } = snippet('django', hostileCase(PAGE, 'PURGE', 'x-api-key'));
    expect(code).toContain('from corsheaders.defaults import default_headers, default_methods');
    expect(code).toContain('CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")');
    expect(code).toContain('CORS_ALLOW_METHODS = (*default_methods, "PURGE")');
  });

  it('says when the method is already a default', () => {
    expect(snippet('django').code).toContain('# Already in the default CORS_ALLOW_METHODS: PUT');
  });

  it('uses CORS_ALLOW_ALL_ORIGINS for "*"', () => {
    expect(snippet('django', WILDCARD_CASE).code).toContain('CORS_ALLOW_ALL_ORIGINS = True');
  });

  it('warns about the trailing slash in CORS_ALLOWED_ORIGINS', () => {
    expect(snippet('django').pitfalls.join('\n')).toContain('trailing slash');
  });
});

describe('FastAPI / Starlette', () => {
  it('configures CORSMiddleware with this request\'s values', () => {
    const { code } = snippet('fastapi', PUT_CASE);
    expect(code).toContain(`allow_origins=["${PAGE}"],`);
    expect(code).toContain('allow_methods=["GET", "HEAD", "POST", "PUT"],');
    expect(code).toContain('allow_headers=["content-type", "x-api-key"],');
    expect(code).toContain('allow_credentials=True,');
    expect(code).toContain('max_age=600,');
  });

  it('escapes a hostile origin as a Python string', () => {
    expect(snippet('fastapi', hostileCase('https://a.example"\\')).code).toContain('allow_origins=["https://a.example\\"\\\\"],');
  });

  it('warns about the unhandled 500 and about "*" with credentials', () => {
    const text = snippet('fastapi').pitfalls.join('\n');
    expect(text).toContain('ServerErrorMiddleware');
    expect(text).toContain("allow_origins=['*'] with allow_credentials=True");
  });
});

describe('Rails (rack-cors)', () => {
  it('inserts the middleware first and allows this request', () => {
    const { code } = snippet('rack-cors', PUT_CASE);
    expect(code).toContain('config.middleware.insert_before 0, Rack::Cors do');
    expect(code).toContain(`origins "${PAGE}"`);
    expect(code).toContain('methods: [:get, :head, :post, :put, :options],');
    expect(code).toContain('headers: ["content-type", "x-api-key"],');
    expect(code).toMatch(/max_age: 600\n {2}end/);
  });

  it('escapes "#{" so a hostile value cannot interpolate Ruby', () => {
    expect(snippet('rack-cors', hostileCase('https://#{`id`}.example')).code).toContain('origins "https://\\#{`id`}.example"');
  });

  it('writes an unusual method as a string, not a symbol', () => {
    expect(snippet('rack-cors', hostileCase(PAGE, 'M-SEARCH')).code).toContain('"M-SEARCH"');
  });
});
