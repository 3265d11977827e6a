/** A one-line notice under the toolbar (connection lost, storage degraded, entries dropped). */
import type { ComponentChildren } from 'preact';

export interface BannerProps {
  readonly tone?: 'info' | 'warning' | 'error';
  /** `status` for routine notices, `alert` for things that need attention now. */
  readonly role?: 'status' | 'alert';
  readonly children: ComponentChildren;
}

export function Banner({ tone = 'info', role = 'status', children }: BannerProps) {
  return (
    <div class="cl-banner" data-tone={tone} role={role}>
      {children}
    </div>
  );
}
