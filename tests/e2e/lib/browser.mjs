// Launching Debian's Chromium through playwright-core, with the flags this sandbox needs,
// and helpers the specs share: console capture, canvas pixel counts, waiting for the app's
// performance marks, dist location, the one timeout.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How long any wait in the specs may take (milliseconds): every context `openPage` makes uses
 * it as its default timeout, so specs name no timeout of their own. Generous, because a cold
 * WebAssembly start on a loaded 2-core machine can take tens of seconds.
 */
export const TIMEOUT = 60000;

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = process.env.DIST_DIR ?? path.join(ROOT, 'dist');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * Opens a page that records console errors, page errors and failed requests, in a new context
 * whose waits time out after `TIMEOUT`.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return { context, page, problems };
}

/** Counts canvas pixels that differ from the background colour at (1, 1). */
export async function paintedPixels(page, selector) {
  return page.$eval(selector, (canvas) => {
    const ctx = canvas.getContext('2d');
    const { width, height } = canvas;
    if (!width || !height) return 0;
    const data = ctx.getImageData(0, 0, width, height).data;
    const [r0, g0, b0] = [data[4 * (width + 1)], data[4 * (width + 1) + 1], data[4 * (width + 1) + 2]];
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 30) n++;
    }
    return n;
  });
}

/** A hash of the canvas pixels, to tell whether a redraw changed the picture. */
export async function canvasFingerprint(page, selector) {
  return page.$eval(selector, (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 2166136261;
    for (let i = 0; i < data.length; i += 7) {
      h ^= data[i];
      h = Math.imul(h, 16777619) >>> 0;
    }
    return `${canvas.width}x${canvas.height}:${h}`;
  });
}

/**
 * The page's clock (`performance.now()`, in milliseconds), read before an action so that
 * `afterMark` waits for what the action causes and not for an earlier mark of the same name.
 * Works on a page or a frame.
 */
export async function pageNow(page) {
  return page.evaluate(() => performance.now());
}

/**
 * Waits until the app has set the `performance.mark` `name` (or every one of a list of names)
 * later than `since` (a `pageNow` reading; 0, the default, counts every mark since the page
 * loaded), and returns the time of the latest one. The marks the app sets: `data-ready` (a
 * dataset is loaded and its selections built), `<chart>-drawn` (a chart canvas was painted:
 * `timeline`, `map`, `breakdown-<metric>`), `filter-change` (a control changed the view state)
 * and `app-revealed` (the app took over from the pre-rendered page).
 */
export async function afterMark(page, name, since = 0, { timeout = TIMEOUT } = {}) {
  const names = Array.isArray(name) ? name : [name];
  const handle = await page.waitForFunction(([names, since]) => {
    const times = names.map((n) => Math.max(-1, ...performance.getEntriesByName(n, 'mark').map((m) => m.startTime)));
    return times.every((t) => t > since) && Math.max(...times);
  }, [names, since], { timeout });
  return handle.jsonValue();
}

/**
 * For a spec file: starts Chromium and a server for dist/ before its tests and stops them after.
 * Returns an object whose `browser` and `server` are set once the tests run.
 */
export function useBrowserAndServer(options = {}) {
  const shared = { browser: null, server: null };
  before(async () => {
    shared.browser = await launch();
    shared.server = await serve({ root: DIST, ...options });
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** Runs `fn(server)` with a server for dist/ started with `options`, and stops it after. */
export async function withServer(options, fn) {
  const server = await serve({ root: DIST, ...options });
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}
