/**
 * What the detail says about a request a worker sent, not the tab (core/model/worker-home.ts):
 * who sent it, how that shows in the page, and how to see the page's own request instead. Pure.
 */
export function fromWorkerText(initiator: string | null): string {
  return `Sent by a service worker of ${initiator ?? 'this site'} (or a shared worker), not by the page: the page's `
    + 'request went through its service worker, which fetched this itself. CORS is checked on that fetch, and when it '
    + 'fails the page\'s own fetch fails with it ("Failed to fetch"). The fix on the server is the same. To see the '
    + 'page\'s request go out itself, tick "Bypass for network" in DevTools → Application → Service workers.';
}
