import { describe, expect, it } from 'vitest';
import { relativePath, relativizeHtml, relativizeUrl } from '../../src/build/relativize.ts';

describe('relativizeUrl', () => {
  it.each([
    ['/en/articles/oomkilled/', '/zh/articles/oomkilled/', '../../../en/articles/oomkilled/index.html'],
    ['/zh/', '/zh/articles/oomkilled/', '../../index.html'],
    ['/assets/gen/site.js', '/zh/', '../assets/gen/site.js'],
    ['/zh/search/?q=6443#top', '/zh/', 'search/index.html?q=6443#top'],
    ['../crashloop-app-error/', '/zh/articles/oomkilled/', '../crashloop-app-error/index.html'],
    ['/zh/articles/x', '/', 'zh/articles/x/index.html'],
    ['/', '/', 'index.html'],
  ])('rewrites %s seen from %s', (url, pageDir, expected) => {
    expect(relativizeUrl(url, pageDir)).toBe(expected);
  });

  it.each(['https://example.com/', 'mailto:a@b', '#symptoms', '', 'data:image/png;base64,AA', '//cdn.example/x.js'])(
    'leaves %s alone',
    (url) => {
      expect(relativizeUrl(url, '/zh/')).toBe(url);
    },
  );
});

describe('relativePath', () => {
  it('walks up to a common ancestor', () => {
    expect(relativePath('/a/b/c/', '/a/x/y.html')).toBe('../../x/y.html');
  });
  it('gives ./ for the same directory', () => {
    expect(relativePath('/a/', '/a/')).toBe('./');
  });
});

describe('relativizeHtml', () => {
  it('rewrites href, src, action and data-root on a nested page', () => {
    const html =
      '<html data-root="/"><a href="/zh/">h</a><script src="/assets/gen/site.js"></script>' +
      '<form action="/zh/search/"></form><a href="#x">x</a><a href="https://e.example/">e</a></html>';
    expect(relativizeHtml(html, 'zh/articles/oomkilled/index.html')).toBe(
      '<html data-root="../../../"><a href="../../index.html">h</a><script src="../../../assets/gen/site.js"></script>' +
        '<form action="../../search/index.html"></form><a href="#x">x</a><a href="https://e.example/">e</a></html>',
    );
  });

  it('gives the root page a ./ root', () => {
    expect(relativizeHtml('<html data-root="/">', 'index.html')).toBe('<html data-root="./">');
  });

  it('does not touch text that only looks like an attribute', () => {
    const html = '<pre><code>curl href=&quot;/x&quot;</code></pre>';
    expect(relativizeHtml(html, 'zh/index.html')).toBe(html);
  });
});
