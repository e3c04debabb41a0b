// The dashboard as the specs open it: one `open` that starts a page at a query and waits until
// the app is ready, instead of a copy per spec. Waits are on conditions (performance marks,
// selectors, animation frames), never fixed sleeps; how long any wait may take is set once,
// as `TIMEOUT` in browser.mjs.
import { useBrowserAndServer, openPage, afterMark } from './browser.mjs';

/** What "ready" means by default: the app took over from the pre-rendered page and drew the timeline. */
export const READY = ['app-revealed', 'timeline-drawn'];

/**
 * Opens the dashboard at `query` (`?lang=en` by default) in a new browser context and waits
 * until it is ready: until `selector`, when given, is in the page, and the performance marks
 * `ready` (see `afterMark`; `[]` for a page that sets none, like the staff page) are set.
 * Every other option goes to the context (viewport, touch, downloads…). Returns the
 * `{ context, page, problems }` of `openPage`.
 */
export async function openDashboard(shared, query = '?lang=en', { ready = READY, selector, ...contextOptions } = {}) {
  const session = await openPage(shared.browser, contextOptions);
  await session.page.goto(shared.server.url + query);
  if (selector) await session.page.waitForSelector(selector, { state: 'attached' });
  if (ready.length) await afterMark(session.page, ready);
  return session;
}

/**
 * For a spec file: Chromium and a server for dist/ (see `useBrowserAndServer`), with
 * `open(query, options)`, which is `openDashboard` on them.
 */
export function useDashboard(serverOptions = {}) {
  const shared = useBrowserAndServer(serverOptions);
  shared.open = (query, options) => openDashboard(shared, query, options);
  return shared;
}

/**
 * Waits until the page has drawn `n` more frames: for what a change shows on its next paint
 * (a focus ring, a message's styles), or to give a change that must not happen the chance to.
 */
export async function nextFrames(page, n = 2) {
  await page.evaluate((n) => new Promise((resolve) => {
    const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  }), n);
}

/**
 * Waits until the page has drawn two more frames and runs no animation or transition: for a
 * check of what is on screen (colours, positions) right after a change.
 */
export async function settled(page) {
  await nextFrames(page);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}
