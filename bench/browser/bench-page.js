// The benchmark page's script (plain JS, served as is). window.fireBatch(count, tag) fires `count`
// cross-origin fetches at once and resolves with the wall time from the first fetch to the last
// settled one, measured here, in the page. Per 20 fetches: 14 allowed GETs, 2 blocked GETs (no
// ACAO), 3 preflighted PUTs allowed, 1 preflighted PUT blocked by its preflight.
'use strict';

function kindOf(i) {
  const slot = i % 20;
  if (slot === 0) return 'pf-blocked';
  if (slot % 5 === 0) return 'pf';
  if (slot === 7 || slot === 13) return 'blocked';
  return 'ok';
}

async function fireOne(i, tag) {
  const kind = kindOf(i);
  const url = `${window.API_ORIGIN}/api/${kind}?run=${tag}&i=${i}`;
  const init = kind.startsWith('pf') ? { method: 'PUT', body: 'x', headers: { 'X-Bench': String(i) } } : {};
  try {
    const response = await fetch(url, init);
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

window.fireBatch = async function fireBatch(count, tag) {
  const status = document.getElementById('status');
  status.textContent = `firing ${count}`;
  const start = performance.now();
  const jobs = [];
  for (let i = 0; i < count; i++) jobs.push(fireOne(i, tag));
  const results = await Promise.all(jobs);
  const ms = performance.now() - start;
  const ok = results.filter(Boolean).length;
  status.textContent = `done ${count} in ${ms.toFixed(1)} ms`;
  return { ms, ok, failed: count - ok };
};
