// Service worker of the EU–IOM dashboard: keeps the app usable without a network.
//
// - The app shell (index.html, with the style and the icon written into it) and the build's files
//   (the WebAssembly and its JavaScript, whose names carry a content hash) are cached when the
//   worker installs, but for those the first visit's page put there itself, and served from the
//   cache first: the page always runs the code of the worker's own build.
// - Data files (data/*.json) go to the network first, so a new release shows at once; the last
//   copy fetched is kept and served when the network fails, marked with the header
//   `x-eu-iom-offline` (the time it was fetched), which makes the page say it is offline.
// - Every build has its own cache (named after its build id); a new build installs beside the
//   old one, waits until the page asks for it (the page offers to reload), then deletes the old
//   cache. Old code never reads data cached for a new one, nor the reverse.
//
// `eu-iom-data publish` stamps the two constants below with the build's id and files. Unstamped
// (`make serve`) or built with SERVICE_WORKER=off, the worker caches nothing and unregisters
// itself, so a host that turns it off also removes it from earlier visitors.
const BUILD = '';
const PRECACHE = [];

const ON = BUILD !== '' && BUILD !== 'off';
const SCOPE = self.registration.scope;
const SCOPE_PATH = new URL(SCOPE).pathname;
// Caches of other deployments on the same origin (another sub-path) are never touched.
const PREFIX = `eu-iom-dashboard ${SCOPE} `;
const CACHE = PREFIX + BUILD;
const SHELL = 'index.html';
const ASSETS = new Set(PRECACHE);
const FETCHED = 'x-eu-iom-fetched';
const OFFLINE = 'x-eu-iom-offline';

/** A copy of a response with extra headers (its body read once). */
async function withHeaders(response, extra) {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

/** Stores a response with the time it was fetched. */
async function store(cache, key, response) {
  await cache.put(key, await withHeaders(response, { [FETCHED]: new Date().toISOString() }));
}

self.addEventListener('install', (event) => {
  if (!ON) {
    self.skipWaiting();
    return;
  }
  // All or nothing: if one file is missing the new build is not installed and the old one stays.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(PRECACHE.map(async (path) => {
    const url = new URL(path, SCOPE);
    // On a first visit the page put the files it fetched into this cache before registering
    // the worker (its loader, written by `eu-iom-data publish`): they are not downloaded twice.
    if (await cache.match(url, { ignoreVary: true })) return;
    // A hashed file never changes under its name: the copy the page just loaded will do. The
    // page and the data are checked with the server.
    const fresh = path === SHELL || path.startsWith('data/');
    const response = await fetch(new Request(url, { cache: fresh ? 'no-cache' : 'default' }));
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    await store(cache, url, response);
  }))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    if (!ON) {
      await self.registration.unregister();
      return;
    }
    // The page that installed the worker is served by it from now on, like the next visits.
    await self.clients.claim();
  })());
});

// The page asks the waiting worker of a new build to take over (its reload button).
self.addEventListener('message', (event) => {
  if (event.data === 'eu-iom-dashboard:skip-waiting') self.skipWaiting();
});

async function shellFirst(request) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(new URL(SHELL, SCOPE), { ignoreVary: true }));
  return cached ?? fetch(request);
}

async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(store(cache, event.request, response.clone()));
  return response;
}

// A data file has one entry, keyed by its path: a query string (`?v=2`, a cache-buster) asks
// for the same file and must not add entries until the next build.
function pathKey(request) {
  const url = new URL(request.url);
  return url.origin + url.pathname;
}

async function networkFirst(event) {
  const cache = await caches.open(CACHE);
  const key = pathKey(event.request);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(store(cache, key, response.clone()));
    return response;
  } catch (error) {
    const saved = await cache.match(key, { ignoreVary: true });
    if (!saved) throw error;
    return withHeaders(saved, { [OFFLINE]: saved.headers.get(FETCHED) ?? '' });
  }
}

self.addEventListener('fetch', (event) => {
  if (!ON || event.request.method !== 'GET') return;
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE_PATH)) return;
  const path = url.pathname.slice(SCOPE_PATH.length);
  if (event.request.mode === 'navigate' && (path === '' || path === SHELL)) {
    event.respondWith(shellFirst(event.request));
  } else if (ASSETS.has(path) && !path.startsWith('data/')) {
    event.respondWith(cacheFirst(event));
  } else if (path.startsWith('data/') && path.endsWith('.json')) {
    event.respondWith(networkFirst(event));
  }
});
