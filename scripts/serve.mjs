#!/usr/bin/env node
// A small static file server for dist/: `node scripts/serve.mjs [DIR] [--port N] [--host H] [--base /sub/path/]`.
// Stands in for the intranet web server an air-gapped team uses; --base mounts the site under a
// sub-path to show that one build works there too. No dependencies, no network beyond the socket.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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
 * Starts serving `root` under `base` (e.g. '/' or '/k8s-kb/'). Resolves to { server, url }.
 * @param {{ root: string, port?: number, host?: string, base?: string }} options
 */
export function startServer({ root, port = 4321, host = '127.0.0.1', base = '/' }) {
  const top = resolve(root);
  const prefix = base.endsWith('/') ? base : base + '/';
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path + '/' === prefix) path = prefix;
      if (!path.startsWith(prefix)) return send(res, 404, 'not found');
      const file = normalize(join(top, path.slice(prefix.length)));
      if (file !== top && !file.startsWith(top + sep)) return send(res, 403, 'forbidden');
      let target = file;
      let info = await stat(target).catch(() => null);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: path + '/' + url.search });
          return res.end();
        }
        target = join(target, 'index.html');
        info = await stat(target).catch(() => null);
      }
      if (!info?.isFile()) {
        const notFound = join(top, '404.html');
        const nf = await stat(notFound).catch(() => null);
        if (nf?.isFile()) {
          res.writeHead(404, { 'content-type': TYPES['.html'] });
          return createReadStream(notFound).pipe(res);
        }
        return send(res, 404, 'not found');
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(target).pipe(res);
    } catch (err) {
      send(res, 500, String(err));
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
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
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
