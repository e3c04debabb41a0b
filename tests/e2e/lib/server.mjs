// A small static file server for the built dist/, on 127.0.0.1, with what the tests need:
// an optional sub-path, extra response headers (CSP), per-path overrides (a missing or broken
// data file) and a log of every request it served.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The encodings an Accept-Encoding header allows (those with q=0 excluded), lower-cased. */
export function acceptedEncodings(header = '') {
  return new Set(
    header
      .split(',')
      .map((part) => part.trim().toLowerCase().split(/\s*;\s*/))
      .filter(([name, ...params]) => name && !params.some((p) => /^q=0(\.0*)?$/.test(p)))
      .map(([name]) => name),
  );
}

/**
 * How many times each file was served, from a server's `requests` log: a directory's address
 * (`/`, `/sub/dash/`) counts as its `index.html`, the file it serves, so the page a visit opened
 * and the copy a service worker fetched again are one file served twice.
 */
export function timesServed(requests) {
  const times = new Map();
  for (const { path: at } of requests) {
    const file = at.endsWith('/') ? `${at}index.html` : at;
    times.set(file, (times.get(file) ?? 0) + 1);
  }
  return times;
}

/** Reads a file if it exists, else returns null. */
async function readIfExists(file) {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

/**
 * Starts a server. Options:
 *   root      directory to serve (required)
 *   base      sub-path the site lives under, e.g. '/dash/' (default '/')
 *   headers   extra headers on every response
 *   overrides { '/path': { status, body, type, delayMs } } answered instead of files (path
 *             without base); with only delayMs, the real file is served after the delay
 *   host      address to bind (default 127.0.0.1)
 *   gzip      compress responses on the fly (gzip -9) when the client accepts it and no
 *             pre-compressed copy fits (default false)
 *   encodings the content encodings the host sends, best first (default ['br', 'gzip']);
 *             ['gzip'] is a host that never sends brotli, as GitHub Pages
 * A pre-compressed copy written by `eu-iom-data compress` (`file.br`, `file.gz`) is served, as
 * nginx's brotli_static and gzip_static do, whenever it exists and the request's Accept-Encoding
 * allows it (brotli first), with Content-Encoding and Vary: Accept-Encoding.
 * Returns { url, port, requests, close() }; each request is { method, path, bytes, encoding }.
 */
export async function serve({ root, base = '/', headers = {}, overrides = {}, host = '127.0.0.1', port = 0, gzip = false, encodings = ['br', 'gzip'] }) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const entry = { method: req.method, path: url.pathname, bytes: 0, encoding: 'identity' };
    requests.push(entry);
    let rel = url.pathname;
    if (!rel.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers });
      res.end('not under the base path');
      return;
    }
    rel = '/' + rel.slice(base.length);
    const override = overrides[rel];
    if (override?.delayMs) await new Promise((resolve) => setTimeout(resolve, override.delayMs));
    if (override && (override.status !== undefined || override.body !== undefined)) {
      res.writeHead(override.status ?? 200, { 'content-type': override.type ?? 'application/json', ...headers });
      entry.bytes = Buffer.byteLength(override.body ?? '');
      res.end(override.body ?? '');
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403, headers);
      res.end();
      return;
    }
    try {
      let body = await fs.readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const extra = { 'content-type': type, 'cache-control': 'no-store', ...headers };
      const accepted = acceptedEncodings(req.headers['accept-encoding']);
      const copies = [];
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']].filter(([e]) => encodings.includes(e))) {
        const copy = await readIfExists(file + suffix);
        if (copy) copies.push({ encoding, copy });
      }
      const chosen = copies.find((c) => accepted.has(c.encoding));
      if (chosen) {
        body = chosen.copy;
        extra['content-encoding'] = chosen.encoding;
      } else if (gzip && accepted.has('gzip') && encodings.includes('gzip')) {
        body = zlib.gzipSync(body, { level: 9 });
        extra['content-encoding'] = 'gzip';
      }
      if (gzip || copies.length) extra.vary = 'Accept-Encoding';
      entry.encoding = extra['content-encoding'] ?? 'identity';
      extra['content-length'] = body.length;
      entry.bytes = body.length;
      res.writeHead(200, extra);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}${base}`,
    port: actual,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
