import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment } from '../../src/diagnose/share.ts';

describe('share fragment', () => {
  it('round-trips a paste with tabs, CJK and CRLF', async () => {
    const paste = 'Events:\r\n  Warning\tFailedScheduling\t0/10 nodes are available: 10 Insufficient memory.\n节点 NotReady';
    const fragment = await encodeShareFragment(paste);
    expect(fragment).toMatch(/^paste=[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment('#' + fragment)).toBe(paste);
  });

  it('compresses repetitive output well', async () => {
    const paste = 'default   web-1   0/1   CrashLoopBackOff   5   10m\n'.repeat(2000);
    const fragment = await encodeShareFragment(paste);
    expect(fragment.length).toBeLessThan(paste.length / 20);
  });

  it('returns undefined for damaged or foreign fragments', async () => {
    expect(await decodeShareFragment('#paste=!!!not-base64')).toBeUndefined();
    expect(await decodeShareFragment('#paste=AAAA')).toBeUndefined();
    expect(await decodeShareFragment('#symptoms')).toBeUndefined();
    expect(await decodeShareFragment('')).toBeUndefined();
  });
});
