import type { StackId, StackInfo } from './types';

/** Every stack the advice covers, in the order the UI lists them. */
export const STACKS: readonly StackInfo[] = [
  { id: 'express', name: 'Express (cors)' },
  { id: 'nginx', name: 'nginx' },
  { id: 'apache', name: 'Apache httpd' },
  { id: 'caddy', name: 'Caddy' },
  { id: 'rack-cors', name: 'Rails (rack-cors)' },
  { id: 'django', name: 'Django (django-cors-headers)' },
  { id: 'spring', name: 'Spring' },
  { id: 'aspnet', name: 'ASP.NET Core' },
  { id: 'fastapi', name: 'FastAPI / Starlette' },
  { id: 'go-rs-cors', name: 'Go (rs/cors)' },
  { id: 'aws', name: 'AWS API Gateway / S3' },
  { id: 'cloudflare', name: 'Cloudflare Workers' },
];

export function stackName(id: StackId): string {
  return STACKS.find((s) => s.id === id)?.name ?? id;
}

/** Stacks in display order with `first` moved to the front. */
export function stacksWithFirst(first: StackId | null): StackId[] {
  const ids = STACKS.map((s) => s.id);
  return first === null ? ids : [first, ...ids.filter((id) => id !== first)];
}
