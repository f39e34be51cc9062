/**
 * Share links inflate through a counting stream and stop at 16 MiB (review D5): a 1.9 MB link
 * once inflated to 400 MiB. Damaged links are told apart from links without a paste (D15).
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeShareFragment, MAX_SHARE_BYTES, MAX_SHARE_LINES, readShareFragment } from '../../src/diagnose/share.ts';

const fragmentOf = (bytes: Uint8Array) => 'paste=' + Buffer.from(bytes).toString('base64url');

describe('share links', () => {
  it('a deflate bomb stops at the cap without holding the whole inflated text', async () => {
    // 64 MiB of 'A' lines deflate to about 64 KB.
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 'A'), { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().arrayBuffers;
    const r = await readShareFragment('#' + fragmentOf(bomb));
    expect(r).toEqual({ kind: 'too-large' });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(2 * MAX_SHARE_BYTES);
  });

  it('a link just under the cap still opens', async () => {
    const text = 'x'.repeat(1024 * 1024);
    expect(await readShareFragment('#' + (await encodeShareFragment(text)), 2 * 1024 * 1024)).toEqual({ kind: 'paste', text });
    expect((await readShareFragment('#' + (await encodeShareFragment(text)), 1024 * 1024 - 1)).kind).toBe('too-large');
  });

  it('a link of more lines than a page can lay out in seconds is refused as too large', async () => {
    expect((await readShareFragment('#' + (await encodeShareFragment('y\n'.repeat(MAX_SHARE_LINES + 1))))).kind).toBe('too-large');
    expect((await readShareFragment('#' + (await encodeShareFragment('y\n'.repeat(1000))))).kind).toBe('paste');
  });

  it('tells a damaged link from no link', async () => {
    expect(await readShareFragment('#paste=!!!not-base64')).toEqual({ kind: 'damaged' });
    expect(await readShareFragment('#paste=AAAA')).toEqual({ kind: 'damaged' });
    expect(await readShareFragment('#' + fragmentOf(deflateRawSync(Buffer.from([0xff, 0xfe, 0xc3]))))).toEqual({ kind: 'damaged' });
    expect(await readShareFragment('#symptoms')).toEqual({ kind: 'none' });
    expect(await readShareFragment('')).toEqual({ kind: 'none' });
  });
});
