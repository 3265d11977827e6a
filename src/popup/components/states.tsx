/**
 * The popup's whole-body states: loading (a skeleton the same size as the content, so nothing
 * moves when the first snapshot lands), nothing blocked yet, and pages CORS Lens cannot see.
 */
import type { TabInfo } from '../../messaging/protocol';
import { plural } from './count-tiles';

export function GroupsSkeleton() {
  return (
    <div class="skeleton" aria-hidden="true">
      <div class="skeleton__line skeleton__line--title" />
      <div class="skeleton__line" />
      <div class="skeleton__line skeleton__line--short" />
      <div class="skeleton__line skeleton__line--title" />
      <div class="skeleton__line" />
    </div>
  );
}

export function EmptyState({ seen }: { readonly seen: number }) {
  return (
    <div class="empty">
      <p class="empty__lead">Watching cross-origin requests of this tab. None blocked so far.</p>
      <p class="empty__detail">
        {seen > 0
          ? `${plural(seen, 'cross-origin request', 'cross-origin requests')} seen, none blocked and no warnings.`
          : 'Requests this page makes to other origins (APIs, CDNs, fonts) will be checked as they happen.'}
      </p>
    </div>
  );
}

export function CannotSeeState({ info }: { readonly info: TabInfo | null }) {
  if (info && !info.exists) {
    return (
      <div class="empty" role="status">
        <p class="empty__lead">This tab is closed.</p>
        <p class="empty__detail">Open CORS Lens from the toolbar on the tab you want to check.</p>
      </div>
    );
  }
  return (
    <div class="empty" role="status">
      <p class="empty__lead">CORS Lens cannot see this page.</p>
      <p class="empty__detail">
        Chrome does not let extensions watch the requests of its own pages (chrome://, settings, new tab) or of the
        Chrome Web Store. Open a website in this tab to check its cross-origin requests.
      </p>
      {info?.url && (
        <p class="empty__url mono truncate" title={info.url}>
          {info.url}
        </p>
      )}
    </div>
  );
}
