/**
 * The bundle tar reader: what `k8s-kb collect` writes (ustar, pax `path` for long names), GNU
 * `././@LongLink` names, hostile names and entries, and the limits.
 */
import { describe, expect, it } from 'vitest';
import { tarArchive } from '../../src/cli/collect-tar.ts';
import { BundleError, cleanPath, readTar } from '../../src/bundle/tar.ts';
import { MAX_BUNDLE_ENTRIES, MAX_BUNDLE_FILE_BYTES } from '../../src/bundle/limits.ts';

const text = (d: Uint8Array) => Buffer.from(d).toString('utf8');

/** One raw tar header block, as GNU tar or another writer would make it. */
function header(name: string, size: number, type: string, extra: { linkname?: string; magic?: string } = {}): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write('14607035660\0', 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  if (extra.linkname) h.write(extra.linkname, 157, 100, 'utf8');
  h.write(extra.magic ?? 'ustar  \0', 257, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}
const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);
function entry(name: string, data: string | Buffer, type = '0', extra = {}): Buffer {
  const d = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([header(name, d.length, type, extra), d, pad(d.length)]);
}
const end = () => Buffer.alloc(1024);

describe('readTar', () => {
  it('reads what collect writes, directories left out and a 180-character path kept whole', () => {
    const long = `k8s-kb-bundle/logs/analytics/${'spark-executor-'.repeat(10)}x.log`;
    const tar = tarArchive([
      { path: 'k8s-kb-bundle/' },
      { path: 'k8s-kb-bundle/logs/' },
      { path: 'k8s-kb-bundle/pods.txt', data: Buffer.from('$ kubectl get pods -A\nNAMESPACE NAME\n') },
      { path: long, data: Buffer.from('panic: boom\n') },
    ]);
    const { files, skipped } = readTar(tar);
    expect(files.map((f) => f.path)).toEqual(['k8s-kb-bundle/pods.txt', long]);
    expect(long.length).toBeGreaterThan(155);
    expect(text(files[1]!.data)).toBe('panic: boom\n');
    expect(skipped).toEqual([]);
  });

  it('reads GNU tar long names (././@LongLink) and skips links and devices', () => {
    const long = `support-bundle/cluster-resources/pods/logs/kube-system/${'a'.repeat(120)}/c.log`;
    const tar = Buffer.concat([
      entry('././@LongLink', long + '\0', 'L'),
      entry(long.slice(0, 100), 'E0514 08:40:51 log line\n'),
      entry('support-bundle/all-logs/c.log', '', '2', { linkname: '../cluster-resources/pods/logs/c.log' }),
      entry('support-bundle/hard.log', '', '1', { linkname: 'support-bundle/x.log' }),
      entry('support-bundle/dev', '', '3'),
      end(),
    ]);
    const { files, skipped } = readTar(tar);
    expect(files.map((f) => f.path)).toEqual([long]);
    expect(skipped).toEqual([
      { path: 'support-bundle/all-logs/c.log', reason: 'link' },
      { path: 'support-bundle/hard.log', reason: 'link' },
      { path: 'support-bundle/dev', reason: 'special' },
    ]);
  });

  it('keeps hostile names as names: no way out of the bundle, markup left as text', () => {
    const tar = Buffer.concat([
      entry('../../etc/passwd', 'root:x:0:0\n'),
      entry('/abs/path.txt', 'x\n'),
      entry('<img src=x onerror=alert(1)>.txt', 'y\n'),
      entry('a/./b/../c\u001b[2J.txt', 'z\n'),
      end(),
    ]);
    expect(readTar(tar).files.map((f) => f.path)).toEqual(['etc/passwd', 'abs/path.txt', '<img src=x onerror=alert(1)>.txt', 'a/b/c?[2J.txt']);
    expect(cleanPath('C:\\Users\\ops\\pods.txt')).toBe('Users/ops/pods.txt');
  });

  it('says what is wrong with input that is not a tar, or is cut short', () => {
    expect(() => readTar(Buffer.from('NAME READY STATUS\n'.repeat(100)))).toThrow(BundleError);
    try {
      readTar(Buffer.from('x'.repeat(2048)));
    } catch (e) {
      expect((e as BundleError).code).toBe('not-tar');
    }
    const whole = entry('pods.txt', 'x'.repeat(3000));
    try {
      readTar(whole.subarray(0, 1024));
      expect.unreachable();
    } catch (e) {
      expect((e as BundleError).code).toBe('truncated');
    }
    // A corrupted header in the middle (bad checksum) is not read as data.
    const bad = Buffer.concat([entry('a.txt', 'a\n'), entry('b.txt', 'b\n'), end()]);
    bad[1024 + 5] = bad[1024 + 5]! ^ 0xff;
    expect(() => readTar(bad)).toThrow(BundleError);
    expect(readTar(end()).files).toEqual([]);
  });

  it('skips files over the per-file limit and stops after the entry limit', () => {
    const big = Buffer.alloc(MAX_BUNDLE_FILE_BYTES + 1, 0x61);
    const r = readTar(Buffer.concat([entry('huge.log', big), entry('small.txt', 'ok\n'), end()]));
    expect(r.files.map((f) => f.path)).toEqual(['small.txt']);
    expect(r.skipped).toEqual([{ path: 'huge.log', reason: 'too-large' }]);

    const many: Buffer[] = [];
    for (let i = 0; i <= MAX_BUNDLE_ENTRIES + 5; i++) many.push(header(`f${i}.txt`, 0, '0'));
    many.push(end());
    const m = readTar(Buffer.concat(many));
    expect(m.files).toHaveLength(MAX_BUNDLE_ENTRIES);
    expect(m.skipped).toEqual([{ path: `f${MAX_BUNDLE_ENTRIES}.txt`, reason: 'entry-limit' }]);
  });
});
