/**
 * What CORS Lens may ask of the browser, as checks shared by the source-manifest unit test and the
 * built-dist end-to-end test: each returns the problems found (empty when fine), so a failure names
 * what is wrong.
 */

/** The features need these and only these (README, "Permissions and privacy"). */
export const ALLOWED_PERMISSIONS: readonly string[] = ['storage', 'webRequest'];
export const ALLOWED_HOSTS: readonly string[] = ['<all_urls>'];

/** Manifest keys that would widen what CORS Lens can touch or who can reach it. */
const FORBIDDEN_KEYS: readonly string[] = [
  'optional_permissions', 'optional_host_permissions', 'content_scripts', 'externally_connectable', 'web_accessible_resources',
  'sandbox', 'declarative_net_request', 'chrome_url_overrides', 'oauth2', 'key', 'update_url',
];

const sorted = (value: unknown): string[] => (Array.isArray(value) ? value.map(String).sort() : []);

export function manifestProblems(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const permissions = sorted(manifest.permissions);
  if (JSON.stringify(permissions) !== JSON.stringify([...ALLOWED_PERMISSIONS].sort())) {
    problems.push(`permissions are ${JSON.stringify(permissions)}, want ${JSON.stringify(ALLOWED_PERMISSIONS)}`);
  }
  const hosts = sorted(manifest.host_permissions);
  if (JSON.stringify(hosts) !== JSON.stringify(ALLOWED_HOSTS)) problems.push(`host_permissions are ${JSON.stringify(hosts)}`);
  for (const key of FORBIDDEN_KEYS) if (key in manifest) problems.push(`${key} is declared`);
  if (manifest.manifest_version !== 3) problems.push('not manifest_version 3');
  return problems;
}

/** Directive name → its source list, from a CSP string. */
export function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** script-src exactly 'self' (nothing inline, evaluated or remote), object-src 'none'. */
export function cspProblems(csp: string): string[] {
  const directives = parseCsp(csp);
  const problems: string[] = [];
  const script = directives.get('script-src');
  if (!script) problems.push('no script-src directive');
  else for (const source of script) if (source !== "'self'") problems.push(`script-src allows ${source}`);
  const object = directives.get('object-src');
  if (!object || object.join(' ') !== "'none'") problems.push(`object-src is ${object?.join(' ') ?? 'missing'}, want 'none'`);
  for (const [name, sources] of directives) {
    for (const source of sources) {
      if (/unsafe-(eval|inline|hashes)/.test(source)) problems.push(`${name} allows ${source}`);
    }
  }
  return problems;
}
