/** One very long search word is bounded (review D13): time grows linearly with its length. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchDataFromFiles } from '../../src/search/from-files.ts';
import { loadSearch, search } from '../../src/search/query.ts';
import { ROOT } from '../engine/helpers.ts';
import { medianMs } from '../engine/timing.ts';

describe('search input', () => {
  it('a 10 KB word costs about what its length says, not its square (typo candidates skipped)', async () => {
    const loaded = loadSearch(JSON.parse(JSON.stringify(buildSearchDataFromFiles(join(ROOT, 'content/articles'), 'en'))));
    const word = (n: number) => 'k' + 'a'.repeat(n - 1);
    const small = await medianMs(() => search(loaded, word(2500)));
    const large = await medianMs(() => search(loaded, word(10_000)));
    // Before: 1.9 s at 4,000 characters, 13.5 s at 10,240 (74 × n candidates of length n).
    expect(large).toBeLessThan(8 * small + 20);
    // Short words still get their typo and prefix expansions.
    expect(search(loaded, 'kubelte').length).toBeGreaterThan(0);
  }, 60_000);
});
