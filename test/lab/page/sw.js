/*
 * The lab's service worker: makes every cross-origin request of its pages with its own fetch, as
 * offline-first apps (Workbox's NetworkFirst and the like) do, and loads its pages itself too, so a
 * page it controls loads with no main_frame request (webRequest sees the worker's fetch, with no tab).
 * Chromium sends all of these with no tab.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const crossOrigin = new URL(event.request.url).origin !== self.location.origin;
  if (crossOrigin || event.request.mode === 'navigate') event.respondWith(fetch(event.request));
});
