/**
 * Resolves the `{TOKEN}` placeholders used by scenario data (see scenario-types.ts) against the
 * ports one lab run was given. Unknown tokens are left as written so a typo shows up in the output.
 */
import type { LabOriginName } from './scenario-types';

export type LabOrigins = Readonly<Record<LabOriginName, string>>;
export type LabPorts = Readonly<Record<LabOriginName, number>>;

/** Origins for the given ports: the page on `localhost`, everything else on `127.0.0.1`. */
export function labOrigins(ports: LabPorts): LabOrigins {
  return {
    page: `http://localhost:${ports.page}`,
    apiA: `http://127.0.0.1:${ports.apiA}`,
    apiB: `http://127.0.0.1:${ports.apiB}`,
    dead: `http://127.0.0.1:${ports.dead}`,
  };
}

/** Replaces {PAGE} {A} {B} {DEAD}, their `_PORT` forms, and {QUERY} (the incoming `?query`, or ''). */
export function resolveTokens(template: string, ports: LabPorts, query = ''): string {
  const origins = labOrigins(ports);
  const values: Record<string, string> = {
    PAGE: origins.page, A: origins.apiA, B: origins.apiB, DEAD: origins.dead,
    PAGE_PORT: String(ports.page), A_PORT: String(ports.apiA), B_PORT: String(ports.apiB),
    DEAD_PORT: String(ports.dead), QUERY: query,
  };
  return template.replace(/\{([A-Z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
