/**
 * A small tar writer (POSIX ustar, with a pax `path` record for names longer than ustar allows),
 * gzipped with Node's zlib. Enough for a bundle of text files; no runtime dependency.
 */
import { gzipSync } from 'node:zlib';

export interface TarEntry {
  /** `/`-separated path inside the archive; a trailing `/` makes a directory. */
  path: string;
  data?: Buffer;
}

const BLOCK = 512;

function octal(n: number, width: number): string {
  // width - 1 digits and a NUL, as ustar readers expect.
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, prefix: string, size: number, type: '0' | '5' | 'x', mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(type === '5' ? 0o755 : 0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii'); // uid
  h.write(octal(0, 8), 116, 'ascii'); // gid
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum counts as spaces while it is computed
  h.write(type, 156, 'ascii');
  h.write('ustar\u000000', 257, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** Splits a path into ustar's name (≤ 100 bytes) and prefix (≤ 155 bytes) at a `/`, when it can. */
function ustarName(path: string): { name: string; prefix: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name) return { name, prefix };
  }
  return undefined;
}

/** A pax extended header record: `<length> path=<value>\n`, where length counts itself. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const n = Buffer.byteLength(body);
  let len = n + String(n).length;
  while (n + String(len).length !== len) len = n + String(len).length;
  return Buffer.from(`${len}${body}`);
}

/** The uncompressed tar archive of `entries`. */
export function tarArchive(entries: TarEntry[], mtime = new Date()): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const parts: Buffer[] = [];
  for (const e of entries) {
    const dir = e.path.endsWith('/');
    const data = dir ? Buffer.alloc(0) : (e.data ?? Buffer.alloc(0));
    const type = dir ? '5' : '0';
    let names = ustarName(e.path);
    if (!names) {
      const pax = paxRecord('path', e.path);
      parts.push(header('PaxHeader/' + e.path.slice(-80).replace(/^\/+/, ''), '', pax.length, 'x', seconds), pax, padding(pax.length));
      names = { name: e.path.slice(0, 100), prefix: '' };
    }
    parts.push(header(names.name, names.prefix, data.length, type, seconds), data, padding(data.length));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** The gzipped tar archive of `entries`. */
export function tarGz(entries: TarEntry[], mtime = new Date()): Buffer {
  return gzipSync(tarArchive(entries, mtime));
}
