import { describe, expect, it } from 'vitest';
import { queryTokens, tokenize } from '../../src/search/tokenize.ts';
import { synonymsOf } from '../../src/search/synonyms.ts';

describe('tokenize', () => {
  it('keeps Chinese domain words whole that ICU splits into characters', () => {
    expect(tokenize('镜像拉取失败')).toEqual(['镜像', '拉取', '失败']);
    expect(tokenize('排查超时重启')).toEqual(['排查', '超时', '重启']);
  });

  it('adds the words inside a merged compound, so either finds it', () => {
    expect(tokenize('存活探针失败')).toEqual(['存活探针', '存活', '探针', '失败']);
  });

  it('pairs up runs of single characters that no dictionary knows', () => {
    // 茧 and 蛹 are not operations vocabulary: they are kept as one overlapping pair.
    expect(tokenize('茧蛹')).toEqual(['茧蛹']);
  });

  it('drops lone function characters', () => {
    expect(tokenize('宕机的节点')).toEqual(['宕机', '节点']);
  });

  it('splits camelCase reasons and keeps the whole word', () => {
    expect(tokenize('CrashLoopBackOff')).toEqual(['crashloopbackoff', 'crash', 'loop', 'back', 'off']);
    expect(tokenize('OOMKilled')).toEqual(['oomkilled', 'oom', 'killed']);
  });

  it('keeps dotted and dashed names whole and in parts', () => {
    expect(tokenize('kube-proxy')).toEqual(['kube-proxy', 'kube', 'proxy']);
    expect(tokenize('10.0.0.1:6443')).toEqual(['10.0.0.1', '10', '6443']);
  });

  it('lower-cases, strips plurals lightly and never stems kubernetes words', () => {
    expect(tokenize('Nodes NotReady pods status')).toEqual(['node', 'notready', 'ready', 'pod', 'status']);
  });

  it('handles mixed Chinese and English in one string', () => {
    expect(tokenize('Pod 一直 Pending：CPU 或内存不足')).toEqual(['pod', '一直', 'pending', 'cpu', '内存不足', '内存', '不足']);
  });

  it('normalises full-width characters', () => {
    expect(tokenize('ＯＯＭ　６４４３')).toEqual(['oom', '6443']);
  });

  it('returns nothing for punctuation and empty input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('--- ... !!!')).toEqual([]);
  });

  it('de-duplicates query tokens', () => {
    expect(queryTokens('node node 节点')).toEqual(['node', '节点']);
  });
});

describe('synonyms', () => {
  it('work both ways across languages', () => {
    expect(synonymsOf('oom')).toEqual(expect.arrayContaining(['oomkilled', '内存溢出']));
    expect(synonymsOf('内存溢出')).toEqual(expect.arrayContaining(['oom', 'oomkilled']));
    expect(synonymsOf('证书')).toEqual(expect.arrayContaining(['cert', 'certificate']));
    expect(synonymsOf('存储卷声明')).toEqual(expect.arrayContaining(['pvc', 'persistentvolumeclaim']));
    expect(synonymsOf('notready')).toContain('节点不可用');
  });

  it('has none for ordinary words', () => {
    expect(synonymsOf('the')).toEqual([]);
  });
});
