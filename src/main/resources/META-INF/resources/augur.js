// Augur's page: plain JavaScript over the public API (/api/v1), no build step.
'use strict';

const API = '/api/v1';

/** The API key the page sends (X-API-Key), kept for this browser tab only (sessionStorage). */
const KEY_ITEM = 'augur.apiKey';

/** Headers sent with every API call: the API key entered above, if any. */
function requestHeaders() {
  const key = sessionStorage.getItem(KEY_ITEM);
  return key ? { 'X-API-Key': key } : {};
}

/**
 * Every call to the API goes through here. Answers the parsed JSON, or the text for SVG; a problem+json answer
 * (RFC 9457) becomes an Error carrying its title, detail and field.
 */
async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept, ...requestHeaders() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    if (type.includes('json')) {
      const problem = await response.json();
      message = [problem.title, problem.detail, problem.field ? `(field ${problem.field})` : null].filter(Boolean).join(': ');
    }
    throw new Error(message);
  }
  return type.includes('json') ? response.json() : response.text();
}

/**
 * Every item of a listing of the API, page after page (1,000 at a time, following nextCursor): a workspace's
 * models, benchmarks or arenas, however many.
 */
async function allItems(path) {
  const items = [];
  let cursor = null;
  do {
    const page = await api(`${path}?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * Follows a Server-Sent Events stream of the API to its end, calling onEvent(name, data) with each event's parsed
 * JSON data. Read with fetch rather than EventSource, because EventSource cannot send requestHeaders() (credentials).
 */
async function apiEvents(path, onEvent) {
  const response = await fetch(API + path, { headers: { Accept: 'text/event-stream', ...requestHeaders() } });
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) {
          name = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).trimStart());
        }
      }
      if (data.length) {
        onEvent(name, JSON.parse(data.join('\n')));
      }
    }
  }
}

function status(message, ok = false) {
  const el = document.getElementById('status');
  el.textContent = message;
  el.className = ok ? 'ok' : '';
}

function cell(text, numeric = false) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (numeric) {
    td.className = 'num';
  }
  return td;
}

function fmt(x, digits = 4) {
  if (x === null || x === undefined) {
    return '';
  }
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : Number(x.toPrecision(digits)).toString();
}

/** Puts an SVG document (text from a plot endpoint) into a figure, parsed as XML rather than as HTML. */
function showSvg(figureId, svgText) {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const figure = document.getElementById(figureId);
  figure.replaceChildren(document.importNode(doc.documentElement, true));
}

function query(form) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) {
    if (v !== '') {
      params.set(k, v);
    }
  }
  return params.toString();
}

// ---------------------------------------------------------------- arenas

let currentArena = null;

async function loadArenas() {
  const arenas = await allItems('/arenas');
  const tbody = document.querySelector('#arena-table tbody');
  tbody.replaceChildren();
  for (const arena of arenas) {
    const tr = document.createElement('tr');
    tr.dataset.id = arena.id;
    tr.append(cell(arena.id, true), cell(arena.name), cell(arena.battles, true), cell(arena.models, true));
    const td = document.createElement('td');
    const button = document.createElement('button');
    button.textContent = 'Leaderboard';
    button.className = 'show-leaderboard';
    button.disabled = arena.battles === 0;
    button.addEventListener('click', () => showLeaderboard(arena).catch(e => status(e.message)));
    td.append(button);
    tr.append(td);
    tbody.append(tr);
  }
  document.getElementById('arena-empty').hidden = arenas.length > 0;
}

async function showLeaderboard(arena) {
  currentArena = arena;
  document.querySelectorAll('#arena-table tr').forEach(tr => tr.classList.toggle('selected', tr.dataset.id === String(arena.id)));
  document.getElementById('leaderboard').hidden = false;
  document.getElementById('leaderboard-title').textContent = `Leaderboard of ${arena.name}`;
  status('Computing the leaderboard…', true);
  const q = query(document.getElementById('leaderboard-options'));
  const base = `/arenas/${arena.id}`;
  const [lb, plot, winRates] = await Promise.all([
    api(`${base}/leaderboard?${q}`),
    api(`${base}/leaderboard/plot?${q}`, { accept: 'image/svg+xml' }),
    api(`${base}/win-rates/plot?${q}`, { accept: 'image/svg+xml' }),
  ]);
  showLeaderboardTable(lb);
  showSvg('leaderboard-plot', plot);
  showSvg('winrate-plot', winRates);
  status(`Leaderboard of ${arena.name}: ${lb.entries.length} models.`, true);
}

function showLeaderboardTable(lb) {
  const tbody = document.querySelector('#leaderboard-table tbody');
  tbody.replaceChildren();
  for (const e of lb.entries) {
    const tr = document.createElement('tr');
    tr.append(cell(e.rank, true), cell(e.model), cell(fmt(e.rating, 5), true),
      cell(e.interval ? `[${fmt(e.interval.lower, 5)}, ${fmt(e.interval.upper, 5)}]` : 'n/a', true), cell(e.battles, true));
    tbody.append(tr);
  }
  document.getElementById('leaderboard-method').textContent =
    `${lb.method}; ${lb.bootstrap.rounds} bootstrap rounds, level ${lb.bootstrap.level}, seed ${lb.bootstrap.seed}; ${lb.observations} battles.`;
}

// ---------------------------------------------------------------- jobs

let runningJob = null;

/** Shows a job's status and progress ("done of total rounds") from its JSON (getJob or an SSE event). */
function showJob(job, what) {
  const p = job.progress || {};
  const bar = document.getElementById('job-progress');
  bar.max = p.total > 0 ? p.total : 1;
  bar.value = p.total > 0 ? p.done : 0;
  const el = document.getElementById('job-status');
  el.dataset.status = job.status;
  const progress = p.total > 0 ? `: ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} ${p.unit}` : '';
  el.textContent = `${what} ${job.status}${progress}`;
  if (job.problem) {
    el.textContent += ` (${job.problem.title}: ${job.problem.detail})`;
  }
}

/** Submits an operation as a job, follows its events to the end and answers its final state. */
async function followJob(operation, body, what) {
  const job = await api('/jobs', { method: 'POST', body: { operation, body } });
  runningJob = job.id;
  showJob(job, what);
  let last = job;
  await apiEvents(`/jobs/${job.id}/events`, (name, data) => {
    last = data;
    showJob(data, what);
  });
  runningJob = null;
  return last;
}

/**
 * The arena's leaderboard as a job (getArenaLeaderboard with the rounds of the job form and the seed and level
 * of the options): progress from the job's event stream, cancellable; when it succeeds, its result fills the
 * table and the plot is drawn by a second job (plotArenaLeaderboard) with the same settings.
 */
async function runLeaderboardJob(arena) {
  const options = new FormData(document.getElementById('leaderboard-options'));
  const body = { arena: arena.id, rounds: Number(new FormData(document.getElementById('job-form')).get('rounds')) };
  if (options.get('seed') !== '') {
    body.seed = Number(options.get('seed'));
  }
  if (options.get('level') !== '') {
    body.level = Number(options.get('level'));
  }
  document.getElementById('job').hidden = false;
  document.getElementById('job-run').disabled = true;
  document.getElementById('job-cancel').hidden = false;
  try {
    const job = await followJob('getArenaLeaderboard', body, 'Leaderboard job');
    if (job.status !== 'succeeded') {
      status(`The leaderboard job ${job.status}.`);
      return;
    }
    const lb = await api(`/jobs/${job.id}/result`);
    showLeaderboardTable(lb);
    const plotJob = await followJob('plotArenaLeaderboard', body, 'Plot job');
    if (plotJob.status === 'succeeded') { // the result comes in its own type (SVG): accept any
      showSvg('leaderboard-plot', await api(`/jobs/${plotJob.id}/result`, { accept: '*/*' }));
    }
    showJob(job, 'Leaderboard job');
    status(`Leaderboard of ${arena.name} from job ${job.id}: ${lb.entries.length} models, ${lb.bootstrap.rounds} rounds.`, true);
  } finally {
    runningJob = null;
    document.getElementById('job-run').disabled = false;
    document.getElementById('job-cancel').hidden = true;
  }
}

// ---------------------------------------------------------------- evaluations

async function loadEvaluations() {
  const [models, benchmarks] = await Promise.all([allItems('/models'), allItems('/benchmarks')]);
  const mBody = document.querySelector('#model-table tbody');
  mBody.replaceChildren();
  const families = new Set();
  for (const m of models) {
    const tr = document.createElement('tr');
    tr.append(cell(m.name), cell(m.family), cell(fmt(m.parameters, 3), true), cell(fmt(m.trainingCompute, 3), true));
    mBody.append(tr);
    if (m.family) {
      families.add(m.family);
    }
  }
  document.getElementById('families').replaceChildren(...[...families].sort().map(f => new Option(f, f)));
  const bBody = document.querySelector('#benchmark-table tbody');
  bBody.replaceChildren();
  const select = document.querySelector('#forecast-form select[name=benchmark]');
  select.replaceChildren();
  for (const b of benchmarks) {
    const tr = document.createElement('tr');
    tr.append(cell(b.name), cell(b.metric), cell(fmt(b.chanceLevel, 3), true));
    bBody.append(tr);
    select.append(new Option(`${b.name} (${b.metric})`, b.name));
  }
}

// ---------------------------------------------------------------- forecast

async function runForecast(event) {
  event.preventDefault();
  const f = new FormData(event.target);
  const selection = { benchmark: f.get('benchmark'), x: f.get('x') };
  if (f.get('family')) {
    selection.family = f.get('family');
  }
  const body = { form: f.get('form'), selection, bootstrap: { rounds: Number(f.get('rounds')), seed: Number(f.get('seed')) } };
  status('Fitting…', true);
  const [fit, fitPlot, backtestPlot] = await Promise.all([
    api('/forecasts/fit', { method: 'POST', body }),
    api('/forecasts/plot', { method: 'POST', body, accept: 'image/svg+xml' }),
    api('/forecasts/backtest/plot', { method: 'POST', body, accept: 'image/svg+xml' }),
  ]);
  document.getElementById('forecast-result').hidden = false;
  showSvg('fit-plot', fitPlot);
  showSvg('backtest-plot', backtestPlot);
  const curve = fit.fit || fit;
  const tbody = document.querySelector('#parameter-table tbody');
  tbody.replaceChildren();
  for (const p of curve.parameters || []) {
    const tr = document.createElement('tr');
    tr.append(cell(p.name), cell(fmt(p.estimate), true),
      cell(p.interval ? `[${fmt(p.interval.lower)}, ${fmt(p.interval.upper)}] (${p.interval.level})` : 'n/a', true));
    tbody.append(tr);
  }
  const warnings = document.getElementById('forecast-warnings');
  warnings.replaceChildren(...(curve.warnings || []).map(w => Object.assign(document.createElement('li'), { textContent: w })));
  status(`Fitted ${curve.form || f.get('form')}.`, true);
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('leaderboard-options').addEventListener('submit', e => {
    e.preventDefault();
    if (currentArena) {
      showLeaderboard(currentArena).catch(err => status(err.message));
    }
  });
  document.getElementById('job-form').addEventListener('submit', e => {
    e.preventDefault();
    if (currentArena) {
      runLeaderboardJob(currentArena).catch(err => status(err.message));
    }
  });
  document.getElementById('job-cancel').addEventListener('click', () => {
    if (runningJob) {
      api(`/jobs/${runningJob}`, { method: 'DELETE' }).catch(err => status(err.message));
    }
  });
  document.getElementById('forecast-form').addEventListener('submit', e => runForecast(e).catch(err => status(err.message)));
  document.getElementById('key-form').addEventListener('submit', e => {
    e.preventDefault();
    const input = document.getElementById('api-key');
    sessionStorage.setItem(KEY_ITEM, input.value.trim());
    input.value = '';
    load();
  });
  load();
});

/** Loads the caller's arenas and evaluations once a key is entered (every API call needs one). */
function load() {
  const hasKey = Boolean(sessionStorage.getItem(KEY_ITEM));
  document.getElementById('api-key').placeholder = hasKey ? 'key set for this tab' : 'augur_...';
  if (!hasKey) {
    status('Enter an API key above: the page shows the data of its workspace.');
    return;
  }
  Promise.all([loadArenas(), loadEvaluations()])
    .then(() => status('Ready.', true))
    .catch(e => status(e.message));
}
