/**
 * The built extension (dist/, as shipped) asks for nothing more than the source manifest does, and
 * carries no way to run code it did not ship or to send data anywhere:
 * - the built manifest passes the same permission and CSP rules as the source one;
 * - no built script calls eval, Function or setTimeout/setInterval with a string, imports or loads
 *   a script from anywhere but the package, or opens a network channel (fetch, XMLHttpRequest,
 *   WebSocket, EventSource, sendBeacon; Vite's modulepreload polyfill, which would fetch, is off:
 *   vite.config.ts);
 * - no HTML page loads a script, style or frame from outside the package, or runs inline script.
 * The scripts are parsed (TypeScript's parser), so advice text that mentions fetch() is not a call.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../support/cors-lens-session';
import { cspProblems, manifestProblems } from '../unit/hardening/privilege-rules';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const ALL = files(DIST_DIR);
const SCRIPTS = ALL.filter((f) => f.endsWith('.js'));
const PAGES = ALL.filter((f) => f.endsWith('.html'));
const NETWORK = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'importScripts']);

/** Names of the callee: `fetch(...)` → fetch, `navigator.sendBeacon(...)` → sendBeacon, `new WebSocket` → WebSocket. */
function calleeName(expression: ts.Expression): string | null {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isElementAccessExpression(expression) && ts.isStringLiteralLike(expression.argumentExpression)) return expression.argumentExpression.text;
  return null;
}

function isLocalSpecifier(node: ts.Node | undefined): boolean {
  return node !== undefined && ts.isStringLiteralLike(node) && /^(\.{0,2}\/|\/)/.test(node.text) && !node.text.startsWith('//');
}

/** Every dynamic-code, remote-load or network use in one built script, as `what at line`. */
function scriptProblems(name: string, text: string): string[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const problems: string[] = [];
  const at = (node: ts.Node, what: string): void => {
    problems.push(`${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = calleeName(node.expression);
      const args = node.arguments ?? ts.factory.createNodeArray();
      if (callee === 'eval' || callee === 'Function') at(node, `${callee}(…)`);
      if ((callee === 'setTimeout' || callee === 'setInterval') && args[0] && ts.isStringLiteralLike(args[0])) at(node, `${callee} with a string`);
      if (callee !== null && NETWORK.has(callee)) at(node, `${callee}(…)`);
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && !isLocalSpecifier(args[0])) at(node, 'import() of a non-local module');
    }
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && !isLocalSpecifier(node.moduleSpecifier)) {
      at(node, `import from ${node.moduleSpecifier.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

/** External or inline scripts, styles, frames and objects in one built page. */
function pageProblems(name: string, html: string): string[] {
  const problems: string[] = [];
  for (const [, tag, attributes] of html.matchAll(/<(script|link|iframe|frame|object|embed|img)\b([^>]*)>/gi)) {
    const url = /\b(?:src|href|data)\s*=\s*["']?([^"'\s>]+)/i.exec(attributes ?? '')?.[1];
    if (url !== undefined && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) problems.push(`${name}: <${tag}> loads ${url}`);
    if (tag?.toLowerCase() === 'script' && url === undefined) problems.push(`${name}: inline <script>`);
    if (tag && ['iframe', 'frame', 'object', 'embed'].includes(tag.toLowerCase())) problems.push(`${name}: <${tag}>`);
  }
  if (/\son[a-z]+\s*=/i.test(html)) problems.push(`${name}: an inline event handler`);
  return problems;
}

describe('the built extension in dist/', () => {
  const manifest = JSON.parse(readFileSync(join(DIST_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('has a manifest asking for webRequest, storage and <all_urls> only, with a strict extension-pages CSP', () => {
    expect(manifestProblems(manifest)).toEqual([]);
    const csp = (manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
    expect(cspProblems(csp)).toEqual([]);
  });

  it('ships scripts and pages (the scan below looks at something)', () => {
    expect(SCRIPTS.length).toBeGreaterThan(5);
    expect(PAGES.map((p) => relative(DIST_DIR, p)).sort()).toEqual(['src/devtools/index.html', 'src/panel/index.html', 'src/popup/index.html']);
  });

  it('has no eval, no Function constructor, no string timers, no remote imports and no network calls in its scripts', () => {
    expect(SCRIPTS.flatMap((file) => scriptProblems(relative(DIST_DIR, file), readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('loads nothing from outside the package and runs no inline script in its pages', () => {
    expect(PAGES.flatMap((file) => pageProblems(relative(DIST_DIR, file), readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('the scan finds what it must (checked on planted samples)', () => {
    const planted = [
      'eval("1");', 'new Function("a");', 'fetch("https://x");', 'import("https://cdn.example/x.js");', 'setTimeout("a()", 1);',
      'navigator.sendBeacon("/x", "d");', 'import x from "https://cdn.example/y.js";', 'const s = `fetch("not a call")`; self["eval"]("2");',
    ].join('\n');
    expect(scriptProblems('planted.js', planted).map((p) => p.replace(/^planted\.js:\d+ /, ''))).toEqual([
      'eval(…)', 'Function(…)', 'fetch(…)', 'import() of a non-local module', 'setTimeout with a string', 'sendBeacon(…)',
      'import from "https://cdn.example/y.js"', 'eval(…)',
    ]);
    expect(pageProblems('planted.html', '<script src="https://cdn.example/a.js"></script><script>alert(1)</script><img src=x onerror="a()">')).toEqual([
      'planted.html: <script> loads https://cdn.example/a.js', 'planted.html: inline <script>', 'planted.html: an inline event handler',
    ]);
  });
});
