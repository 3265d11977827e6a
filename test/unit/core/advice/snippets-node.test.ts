import { describe, expect, it } from 'vitest';
import { PAGE, PUT_CASE, WILDCARD_CASE, hostileCase, snippet } from './snippet-cases';

// Parses (never runs) a snippet as a function body: a broken string literal is a SyntaxError.
function parsesAsJavaScript(code: string): boolean {
  try {
    new Function(code.replace(/^export default /m, 'const worker = '));
    return true;
  } catch {
    return false;
  }
}

describe('Express (cors)', () => {
  it('passes this request\'s origin, methods, headers and credentials to cors()', () => {
    const { code } = snippet('express', PUT_CASE);
    expect(code).toContain(`origin: ["${PAGE}"]`);
    expect(code).toContain('methods: ["GET", "HEAD", "POST", "PUT"]');
    expect(code).toContain('allowedHeaders: ["content-type", "x-api-key"]');
    expect(code).toContain('credentials: true');
    expect(code).toContain('maxAge: 600');
    expect(code).toContain('app.use(cors(corsOptions));');
  });

  it('uses the "*" string (not an array) when any origin will do', () => {
    expect(snippet('express', WILDCARD_CASE).code).toContain('origin: "*",');
  });

  it('warns about route-level cors() without an OPTIONS handler and about origin: true', () => {
    const { pitfalls } = snippet('express');
    expect(pitfalls.join('\n')).toContain("app.options('/items', cors(corsOptions))");
    expect(pitfalls.join('\n')).toContain('origin: true');
  });

  it('stays valid JavaScript with a hostile origin, which it carries verbatim', () => {
    const { code } = snippet('express', hostileCase('https://x.example"); process.exit(1); ("'));
    expect(parsesAsJavaScript(code)).toBe(true);
    expect(code).toContain('"https://x.example\\"); process.exit(1); (\\""');
  });
});

describe('Cloudflare Workers', () => {
  it('answers OPTIONS itself and puts the headers on every response', () => {
    const { code } = snippet('cloudflare', PUT_CASE);
    expect(code).toContain("if (request.method === 'OPTIONS')");
    expect(code).toContain('"Access-Control-Allow-Methods": "GET, HEAD, POST, PUT"');
    expect(code).toContain('"Access-Control-Allow-Headers": "content-type, x-api-key"');
    expect(code).toContain('new Response(response.body, response)');
    expect(code).toContain("response.headers.append('Vary', 'Origin');");
  });

  it('is valid JavaScript, also with a hostile header name', () => {
    expect(parsesAsJavaScript(snippet('cloudflare').code)).toBe(true);
    expect(parsesAsJavaScript(snippet('cloudflare', hostileCase(PAGE, 'PUT', 'x-"}];alert(1);//')).code)).toBe(true);
  });

  it('mentions error responses and the OPTIONS handler in its pitfalls', () => {
    expect(snippet('cloudflare').pitfalls.join('\n')).toMatch(/answer OPTIONS itself[\s\S]*including errors/);
  });
});
