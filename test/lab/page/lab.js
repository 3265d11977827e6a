// The CORS lab page: renders the scenario table from /lab-config.json and fires each scenario's
// request on demand. Plain browser JavaScript (no build step), no inline script, no innerHTML.
//
// For tests: `await window.labReady`, then `await window.runScenario(id)` resolves with
// { ok, status?, error?, readHeader?, url, nonce, runs } once every request of the scenario settled.
'use strict';

/** A fresh value per run so repeated runs hit distinct URLs (and distinct preflight-cache keys). */
function makeNonce() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

async function fireFetch(fire, url) {
  const init = { method: fire.method ?? 'GET', headers: fire.headers ?? {} };
  if (fire.body !== undefined) init.body = fire.body;
  if (fire.credentials) init.credentials = fire.credentials;
  if (fire.mode) init.mode = fire.mode;
  if (fire.cache) init.cache = fire.cache;
  try {
    const response = await fetch(url, init);
    await response.arrayBuffer();
    const result = { ok: true, status: response.status, type: response.type };
    if (fire.readHeader) result.readHeader = response.headers.get(fire.readHeader);
    return result;
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

function fireXhr(fire, url) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(fire.method ?? 'GET', url);
    xhr.withCredentials = Boolean(fire.withCredentials);
    for (const [name, value] of Object.entries(fire.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.onload = () => {
      const result = { ok: true, status: xhr.status };
      if (fire.readHeader) result.readHeader = xhr.getResponseHeader(fire.readHeader);
      resolve(result);
    };
    xhr.onerror = () => resolve({ ok: false, error: 'XMLHttpRequest network error' });
    xhr.send(fire.body ?? null);
  });
}

function fireImage(fire, url) {
  return new Promise((resolve) => {
    const image = new Image();
    if (fire.crossOrigin) image.crossOrigin = fire.crossOrigin;
    image.onload = () => resolve({ ok: true });
    image.onerror = () => resolve({ ok: false, error: 'image failed to load' });
    image.src = url;
  });
}

/** Loads the URL through an @font-face rule, as a stylesheet would (fonts are always CORS mode). */
async function fireFont(fire, url, family) {
  const style = document.createElement('style');
  style.textContent = `@font-face { font-family: "${family}"; src: url("${url}") format("truetype"); }`;
  document.head.append(style);
  try {
    await document.fonts.load(`16px "${family}"`, 'A');
    const face = [...document.fonts].find((candidate) => candidate.family.replace(/"/g, '') === family);
    if (!face) return { ok: false, error: 'font face not found' };
    await face.loaded;
    return { ok: true };
  } catch (error) {
    return { ok: false, error: String(error) };
  } finally {
    style.remove();
  }
}

function fireBeacon(fire, url) {
  const queued = navigator.sendBeacon(url, fire.body ?? '');
  return Promise.resolve(queued ? { ok: true } : { ok: false, error: 'sendBeacon refused to queue' });
}

function fireOnce(scenario, url, nonce, index) {
  const { fire } = scenario;
  if (fire.api === 'xhr') return fireXhr(fire, url);
  if (fire.api === 'img') return fireImage(fire, url);
  if (fire.api === 'font') return fireFont(fire, url, `lab-${scenario.id}-${nonce}-${index}`);
  if (fire.api === 'beacon') return fireBeacon(fire, url);
  return fireFetch(fire, url);
}

/** Fires the scenario (once, `repeat` times in sequence, or `concurrent` times at once). */
async function fireScenario(scenario, origins) {
  const nonce = makeNonce();
  const url = `${origins[scenario.target]}/s/${scenario.id}?n=${nonce}`;
  const { repeat = 1, concurrent = 1 } = scenario.fire;
  let runs = [];
  if (concurrent > 1) {
    runs = await Promise.all(Array.from({ length: concurrent }, (_, index) => fireOnce(scenario, url, nonce, index)));
  } else {
    for (let index = 0; index < repeat; index += 1) runs.push(await fireOnce(scenario, url, nonce, index));
  }
  const failed = runs.find((run) => !run.ok);
  const last = runs[runs.length - 1] ?? { ok: false };
  return { ...(failed ?? last), ok: !failed, url, nonce, runs };
}

/** The expected verdict: Chromium's error name, then its failedParameter (when not empty) on a line of its own. */
function expectationCell(expect) {
  const cell = element('td', 'expect');
  cell.append(element('span', 'error-name', expect.corsError ?? expect.netError ?? 'passes'));
  if (expect.corsError && expect.failedParameter) cell.append(element('span', 'parameter', expect.failedParameter));
  return cell;
}

function describeResult(result) {
  if (!result.ok) return `✖ failed: ${result.error ?? 'unknown error'}`;
  const parts = ['✔ passed'];
  if (result.status !== undefined) parts.push(`status ${result.status}`);
  if (result.runs.length > 1) parts.push(`${result.runs.length} requests`);
  if ('readHeader' in result) parts.push(`header read: ${result.readHeader === null ? 'null (not exposed)' : result.readHeader}`);
  return parts.join(', ');
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderRow(scenario, run) {
  const row = element('tr');
  row.id = `row-${scenario.id}`;
  const scenarioCell = element('td', 'scenario');
  const button = element('button', '', scenario.title);
  button.type = 'button';
  button.dataset.scenario = scenario.id;
  button.addEventListener('click', () => void run(scenario.id));
  scenarioCell.append(button, element('code', 'id', scenario.id));
  const result = element('td', 'result pending', 'not run');
  result.id = `result-${scenario.id}`;
  row.append(scenarioCell, element('td', 'what', scenario.demonstrates),
    expectationCell(scenario.expect), result);
  return row;
}

function renderGroups(config, run) {
  const container = document.getElementById('groups');
  container.replaceChildren();
  for (const group of config.groups) {
    const scenarios = config.scenarios.filter((scenario) => scenario.group === group);
    if (scenarios.length === 0) continue;
    const heading = element('h2', '', group);
    const runGroup = element('button', 'group-run', `Run ${scenarios.length}`);
    runGroup.type = 'button';
    runGroup.addEventListener('click', async () => {
      for (const scenario of scenarios) await run(scenario.id);
    });
    heading.append(runGroup);
    const table = element('table');
    const head = element('tr');
    for (const title of ['Scenario', 'What it shows', 'Chromium reports', 'Result']) head.append(element('th', '', title));
    table.append(head, ...scenarios.map((scenario) => renderRow(scenario, run)));
    container.append(heading, table);
  }
}

async function start() {
  const response = await fetch('/lab-config.json');
  const config = await response.json();
  const byId = new Map(config.scenarios.map((scenario) => [scenario.id, scenario]));
  document.getElementById('page-origin').textContent = config.origins.page;
  document.getElementById('api-a-origin').textContent = config.origins.apiA;
  document.getElementById('api-b-origin').textContent = config.origins.apiB;

  async function runScenario(id) {
    const scenario = byId.get(id);
    if (!scenario) throw new Error(`unknown scenario ${id}`);
    const cell = document.getElementById(`result-${id}`);
    cell.className = 'result pending';
    cell.textContent = 'running…';
    const result = await fireScenario(scenario, config.origins);
    cell.className = `result ${result.ok ? 'ok' : 'failed'}`;
    cell.textContent = describeResult(result);
    // The page cannot see Chromium's CORS verdict, only whether the request succeeded.
    const expectedOk = !scenario.expect.corsError && !scenario.expect.netError;
    const verdict = element('span', expectedOk === result.ok ? 'verdict' : 'verdict unexpected',
      expectedOk === result.ok ? 'as expected' : `unexpected: should have ${expectedOk ? 'passed' : 'failed'}`);
    cell.append(verdict);
    return result;
  }

  renderGroups(config, runScenario);
  document.getElementById('run-all').addEventListener('click', async () => {
    const summary = document.getElementById('summary');
    let passed = 0;
    for (const scenario of config.scenarios) {
      summary.textContent = `running ${scenario.id}…`;
      if ((await runScenario(scenario.id)).ok) passed += 1;
    }
    summary.textContent = `${config.scenarios.length} scenarios run: ${passed} passed, ${config.scenarios.length - passed} blocked or failed`;
  });
  window.runScenario = runScenario;
  window.labScenarios = config.scenarios;
  return config;
}

window.labReady = start();
