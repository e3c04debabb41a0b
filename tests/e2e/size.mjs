// `make size`: what the dashboard's main WebAssembly module is made of, so a change that adds a
// lot shows in the log (CI runs it after the release build).
//
// Prints the shipped module (dist/, after wasm-bindgen and wasm-opt) raw, gzip -9 and brotli 11
// (and the files worker's, which only a download or an import loads),
// then the module as the compiler wrote it (before wasm-bindgen, which keeps the function names):
// its code by crate, the project's own code by module, the data segment (string literals and
// tables), and the largest functions. A function is counted under the first crate its name
// mentions: `<eu_iom_dashboard::ui::X as tachys::view::Render>::build` is the project's view code
// instantiated from Leptos's generics; so the crates' shares are a guide, the total is exact.
// The compiler's module is larger than the shipped one (wasm-opt -Oz shrinks code by about a
// fifth); the shares carry over roughly.
// With twiggy on the PATH (`cargo install twiggy`), its `top` and `monos` views follow (without
// it, the largest functions by their mangled names).
//
//   node size.mjs [compiler's module]   (default: the release build's, from .ci/wasm-env's directory)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { DIST, ROOT } from './lib/browser.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
export const gz = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
export const br = (buffer) =>
  zlib.brotliCompressSync(buffer, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }).length;

/** Reads an unsigned LEB128 number at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/**
 * The parts of a WebAssembly module: every function body's size with its name (from the `name`
 * section), the data segments' size, and every section's size.
 */
export function parts(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const sections = [];
  const bodies = [];
  const names = new Map();
  let imported = 0;
  let data = 0;
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'][id] ?? `section ${id}`;
    if (id === 0) {
      const [length, from] = leb(bytes, start);
      name = `custom "${bytes.subarray(from, from + length).toString()}"`;
      if (name === 'custom "name"') readNames(bytes, from + length, end, names);
    } else if (id === 2) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        let length;
        [length, p] = leb(bytes, p);
        p += length;
        [length, p] = leb(bytes, p);
        p += length;
        const kind = bytes[p++];
        if (kind === 0) {
          imported++;
          [, p] = leb(bytes, p);
        } else if (kind === 1) p = limits(bytes, p + 1);
        else if (kind === 2) p = limits(bytes, p);
        else if (kind === 3) p += 2;
        else [, p] = leb(bytes, p + 1);
      }
    } else if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [length, body] = leb(bytes, p);
        bodies.push({ index: imported + i, bytes: body + length - p });
        p = body + length;
      }
    } else if (id === 11) {
      data = size;
    }
    sections.push({ name, bytes: end - at });
    at = end;
  }
  const functions = bodies.map((f) => ({ ...f, name: names.get(f.index) ?? `(function ${f.index}, no name)` }));
  return { sections, functions, data };
}

function limits(bytes, p) {
  const flags = bytes[p];
  [, p] = leb(bytes, p + 1);
  if (flags & 1) [, p] = leb(bytes, p);
  return p;
}

function readNames(bytes, at, end, names) {
  while (at < end) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    if (id === 1) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        let index;
        let length;
        [index, p] = leb(bytes, p);
        [length, p] = leb(bytes, p);
        names.set(index, bytes.subarray(p, p + length).toString());
        p += length;
      }
    }
    at = start + size;
  }
}

/** The name without its hash suffix (`::h0123456789abcdef`). */
const plain = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{8,16}\]/g, '');

/** Reads a v0 identifier (`<length>[_]<bytes>`) at `at`; returns [identifier, next offset]. */
function ident(name, at) {
  const digits = /^\d+/.exec(name.slice(at));
  if (!digits) return [null, at];
  let from = at + digits[0].length;
  if (name[from] === '_') from++;
  const length = Number(digits[0]);
  return [name.slice(from, from + length), from + length];
}

/**
 * The first crate a function's name mentions, and for the project's code its module. Rust's v0
 * symbols (`_R…`) name a crate root as `C[s<hash>_]<length><name>`, outermost path first;
 * demangled names start with it.
 */
export function owner(name) {
  let crate = null;
  let module = null;
  if (name.startsWith('_R')) {
    const root = /C(?:s[0-9A-Za-z]*_)?(?=\d)/.exec(name);
    if (root) {
      let at;
      [crate, at] = ident(name, root.index + root[0].length);
      // The next path segment (`Nt…` wraps it, so the module follows the crate directly).
      if (crate !== null) [module] = ident(name, at);
    }
  } else {
    const segments = plain(name).replace(/^[<&*(\[\s]+|^(mut|dyn|const) /g, '').replace(/^[<&*(\[\s]+/, '').split('::');
    if (segments.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(segments[0])) [crate, module] = [segments[0], segments.length > 2 ? segments[1] : null];
  }
  if (crate === null) return '(unmangled: wasm-bindgen glue, intrinsics)';
  if (crate === 'eu_iom_dashboard' && module && /^[a-z_]+$/.test(module)) return `eu_iom_dashboard::${module}`;
  return crate;
}

function table(rows, total) {
  console.log('| part | bytes | share |');
  console.log('|---|---:|---:|');
  for (const [part, bytes] of rows) console.log(`| ${part} | ${kb(bytes)} | ${((100 * bytes) / total).toFixed(1)}% |`);
}

function main() {
  const shipped = fs.readdirSync(DIST).find((f) => /^eu-iom-dashboard-.*_bg\.wasm$/.test(f));
  if (!shipped) throw new Error(`no main module in ${DIST}: run make dist first`);
  const module = fs.readFileSync(path.join(DIST, shipped));
  console.log(`# Main WebAssembly module (${path.relative(ROOT, path.join(DIST, shipped))})`);
  console.log(`shipped: ${kb(module.length)} raw, ${kb(gz(module))} gzip -9, ${kb(br(module))} brotli 11 (targets: ≤ 320 KB gzip, ≤ 250 KB brotli)`);
  // The files worker's module (downloads, CSV reading, SVG drawing), loaded on their first use only.
  const tools = fs.readdirSync(DIST).find((f) => /^eu-iom-tools-.*_bg\.wasm$/.test(f));
  if (tools) {
    const bytes = fs.readFileSync(path.join(DIST, tools));
    console.log(`files worker, loaded on first use (${tools}): ${kb(bytes.length)} raw, ${kb(gz(bytes))} gzip -9, ${kb(br(bytes))} brotli 11`);
  }
  const compiled = process.argv[2] ?? process.env.COMPILED_WASM;
  if (!compiled || !fs.existsSync(compiled)) {
    console.log(`the compiler's module (${compiled ?? 'not named'}) is not there: no breakdown`);
    return;
  }
  const bytes = fs.readFileSync(compiled);
  const { sections, functions, data } = parts(bytes);
  const code = functions.reduce((sum, f) => sum + f.bytes, 0);
  console.log('');
  console.log(`## The compiler's module, before wasm-bindgen and wasm-opt: ${kb(bytes.length)} (${path.relative(ROOT, compiled)})`);
  table(sections.filter((s) => s.bytes >= 1024).sort((a, b) => b.bytes - a.bytes).map((s) => [s.name, s.bytes]), bytes.length);
  const byOwner = new Map();
  for (const f of functions) byOwner.set(owner(f.name), (byOwner.get(owner(f.name)) ?? 0) + f.bytes);
  const sorted = [...byOwner].sort((a, b) => b[1] - a[1]);
  const shown = sorted.filter(([, n]) => n >= 2048);
  const rest = sorted.slice(shown.length).reduce((sum, [, n]) => sum + n, 0);
  console.log('');
  console.log(`## Code (${kb(code)} in ${functions.length} functions) by the first crate each function's name mentions; the project's by module`);
  table([...shown, ['(the rest, under 2 KB each)', rest], ['data segment (strings, tables)', data]], code + data);
  let twiggy = null;
  try {
    execFileSync('twiggy', ['--version'], { stdio: 'ignore' });
    // Crate hashes (`core[1b80778acbf7b3a4]`) left out and long names cut, to keep the log readable.
    twiggy = (...args) =>
      execFileSync('twiggy', args, { maxBuffer: 64 << 20 })
        .toString()
        .replace(/\[[0-9a-f]{8,16}\]/g, '')
        .split('\n')
        .map((line) => (line.length > 200 ? `${line.slice(0, 199)}…` : line))
        .join('\n');
  } catch {
    console.log('');
    console.log('## The 25 largest functions (mangled names; `cargo install twiggy` shows them readable, with its monos view)');
    table([...functions].sort((a, b) => b.bytes - a.bytes).slice(0, 25).map((f) => [plain(f.name).slice(0, 140), f.bytes]), code);
  }
  if (twiggy) {
    console.log('');
    console.log('## twiggy top -n 20');
    console.log(twiggy('top', '-n', '20', compiled).trimEnd());
    console.log('');
    console.log('## twiggy monos -m 3 -n 12 (generic functions by the bytes their copies cost)');
    console.log(twiggy('monos', '-m', '3', '-n', '12', compiled).trimEnd());
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
