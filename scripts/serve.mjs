#!/usr/bin/env node
// A small static file server for dist/: `node scripts/serve.mjs [DIR] [--port N] [--host H] [--base /sub/path/]`.
// Stands in for the intranet web server an air-gapped team uses; --base mounts the site under a
// sub-path to show that one build works there too. No dependencies, no network beyond the socket.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The Content-Security-Policy sent with every page, as directives. Every page also carries it in
 * a <meta> tag (src/layouts/Base.astro) for file://, where there are no headers; the browser
 * enforces both. script-src gets the hashes of the page's own inline scripts (computed per file),
 * so no other inline script or handler runs; frame-ancestors only works as a header.
 */
export const CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ['blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Headers sent with every response: no MIME sniffing, no full URL (with a pasted #fragment's page) leaked as Referer. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** `'sha256-…'` of each inline classic script of an HTML page (JSON data blocks are not run). */
export function inlineScriptHashes(html) {
  const out = [];
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'text/javascript' && type !== 'module' && type !== 'application/javascript') continue;
    out.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return out;
}

/** The policy as a header value, with extra script sources. */
export function cspHeader(scriptHashes = []) {
  return Object.entries(CSP)
    .map(([k, v]) => [k, ...(k === 'script-src' ? [...v, ...scriptHashes] : v)].join(' '))
    .join('; ');
}

/**
 * Starts serving `root` under `base` (e.g. '/' or '/k8s-kb/'). Resolves to { server, url }.
 * @param {{ root: string, port?: number, host?: string, base?: string }} options
 */
export function startServer({ root, port = 4321, host = '127.0.0.1', base = '/' }) {
  const top = resolve(root);
  const prefix = base.endsWith('/') ? base : base + '/';
  const server = createServer(async (req, res) => {
    try {
      let url;
      let path;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
        path = decodeURIComponent(url.pathname);
      } catch {
        // `GET /%`: a malformed URL is the client's mistake, not a server error with a stack message.
        return send(res, 400, 'bad request');
      }
      if (path.includes('\0')) return send(res, 400, 'bad request');
      if (path + '/' === prefix) path = prefix;
      if (!path.startsWith(prefix)) return send(res, 404, 'not found');
      const file = normalize(join(top, path.slice(prefix.length)));
      if (file !== top && !file.startsWith(top + sep)) return send(res, 403, 'forbidden');
      let target = file;
      let info = await stat(target).catch(() => null);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: url.pathname + '/' + url.search });
          return res.end();
        }
        target = join(target, 'index.html');
        info = await stat(target).catch(() => null);
      }
      if (!info?.isFile()) {
        const notFound = join(top, '404.html');
        const nf = await stat(notFound).catch(() => null);
        if (nf?.isFile()) {
          const html = await readFile(notFound, 'utf8');
          res.writeHead(404, { 'content-type': TYPES['.html'], 'content-security-policy': cspHeader(inlineScriptHashes(html)), ...SECURITY_HEADERS });
          return res.end(req.method === 'HEAD' ? undefined : html);
        }
        return send(res, 404, 'not found');
      }
      const headers = {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        ...SECURITY_HEADERS,
      };
      if (extname(target) === '.html') {
        const html = await readFile(target, 'utf8');
        headers['content-security-policy'] = cspHeader(inlineScriptHashes(html));
        res.writeHead(200, headers);
        return res.end(req.method === 'HEAD' ? undefined : html);
      }
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      createReadStream(target).pipe(res);
    } catch {
      // Never a stack or an error message to the client.
      send(res, 500, 'internal error');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      ok({ server, url: `http://${host}:${actualPort}${prefix}` });
    });
  });
}

function send(res, status, text) {
  if (res.headersSent) return res.destroy();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    if (i === -1) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const port = Number(opt('--port', process.env.PORT ?? '4321'));
  const host = opt('--host', process.env.HOST ?? '127.0.0.1');
  const base = opt('--base', '/');
  const root = args[0] ?? 'dist';
  const { url } = await startServer({ root, port, host, base });
  console.log(`k8s-kb: serving ${resolve(root)} at ${url}  (Ctrl+C to stop)`);
}
