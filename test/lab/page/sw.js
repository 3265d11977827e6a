/*
 * The lab's service worker: forwards every cross-origin request of its pages with its own fetch, as
 * offline-first apps (Workbox's NetworkFirst and the like) do. Chromium sends these with no tab.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).origin !== self.location.origin) event.respondWith(fetch(event.request));
});
