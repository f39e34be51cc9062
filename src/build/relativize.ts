/**
 * Rewrites the internal URLs of one built HTML page so that dist/ works unchanged at a server root,
 * under a sub-path and from file://:
 *   - every internal URL becomes relative to the page (`/en/articles/x/` → `../../../en/articles/x/index.html`);
 *   - a URL naming a directory gets `index.html` (file:// shows a directory listing otherwise);
 *   - `data-root="/"` becomes the relative path to the site root, for scripts that build URLs.
 * External URLs (with a scheme or `//`) and fragments are left alone; the integrity tests reject
 * external resources separately.
 */

const ATTR = /(\s(?:href|src|action|poster|data-root))=(?:"([^"]*)"|'([^']*)')/g;
const HAS_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Directory part of a site path: `zh/a/index.html` → `zh/a/`. */
function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** Resolves `.` and `..` segments of a root-absolute path. */
function normalizePath(path: string): string {
  const out: string[] = [];
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === '..') out.pop();
    else if (p !== '.' && (p !== '' || i === parts.length - 1)) out.push(p);
  }
  return '/' + out.join('/');
}

/** Relative URL from the directory `fromDir` (root-absolute, ends in `/`) to the root-absolute `to`. */
export function relativePath(fromDir: string, to: string): string {
  const from = fromDir.split('/').filter(Boolean);
  const target = to.split('/');
  const file = target.pop() ?? '';
  const dirs = target.filter(Boolean);
  let common = 0;
  while (common < from.length && common < dirs.length && from[common] === dirs[common]) common++;
  const up = '../'.repeat(from.length - common);
  const down = dirs.slice(common).map((d) => d + '/').join('');
  return up + down + file || './';
}

/** Rewrites one URL found on the page at root-absolute directory `pageDir`. */
export function relativizeUrl(url: string, pageDir: string): string {
  if (url === '' || url.startsWith('#') || url.startsWith('//') || HAS_SCHEME.test(url)) return url;
  const cut = url.search(/[?#]/);
  const pathPart = cut === -1 ? url : url.slice(0, cut);
  const rest = cut === -1 ? '' : url.slice(cut);
  if (pathPart === '') return url;
  let abs = normalizePath(pathPart.startsWith('/') ? pathPart : pageDir + pathPart);
  const last = abs.slice(abs.lastIndexOf('/') + 1);
  if (last === '') abs += 'index.html';
  else if (!last.includes('.')) abs += '/index.html';
  return relativePath(pageDir, abs) + rest;
}

/**
 * Rewrites the page at `filePath` (relative to dist/, e.g. `zh/articles/x/index.html`).
 */
export function relativizeHtml(html: string, filePath: string): string {
  const pageDir = '/' + dirOf(filePath.replace(/^\/+/, ''));
  return html.replace(ATTR, (_m, attr: string, dq?: string, sq?: string) => {
    const value = dq ?? sq ?? '';
    if (attr.endsWith('data-root')) {
      return `${attr}="${value === '/' ? relativePath(pageDir, '/') : value}"`;
    }
    return `${attr}="${relativizeUrl(value, pageDir)}"`;
  });
}
