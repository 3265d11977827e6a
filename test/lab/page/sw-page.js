/* The /sw/ page (the lab, behind a service worker): registers the worker and waits until it controls the page. */
const status = document.getElementById('status');

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

/** Fires one request through the service worker; says how the page saw it end. */
window.fireViaWorker = async (url, init) => {
  try {
    const response = await fetch(url, init);
    return `status ${response.status}`;
  } catch (error) {
    return String(error);
  }
};
