/*
 * The lab at /sw/ (the same page as /): registers the service worker that makes the page's
 * cross-origin requests itself, and says so on the page. Does nothing on the lab at /.
 */
'use strict';

if (location.pathname.startsWith('/sw/')) {
  document.title = 'CORS Lens lab, behind a service worker';
  document.querySelector('h1').textContent = 'CORS Lens lab, behind a service worker';
  const note = document.getElementById('sw-mode');
  note.textContent = 'In this copy of the lab, the page\'s service worker (/sw/sw.js) makes every one of those requests itself, as '
    + 'offline-first apps do: Chromium sends them with no tab, and CORS Lens lists them in this tab, marked ⚙. ';
  const status = document.createElement('span');
  status.setAttribute('aria-live', 'polite');
  status.textContent = 'Registering the service worker…';
  note.append(status);

  /** Resolves once the service worker controls this page (the first load needs a claim). */
  window.swReady = navigator.serviceWorker.register('/sw/sw.js', { scope: '/sw/' })
    .then(() => navigator.serviceWorker.ready)
    .then(() => navigator.serviceWorker.controller ?? new Promise((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
    }))
    .then(() => {
      status.textContent = 'The service worker controls this page.';
      return true;
    });
}
