/**
 * Timing helpers for tests that must not depend on how fast the machine is: they compare two
 * timings taken in the same process, one after the other, never a time with a fixed number.
 */
import { diagnose } from '../../src/engine/index.ts';
import { ruleSet } from './helpers.ts';

/** Fastest wall time of `runs` calls of `f`, in ms (after one warm-up call): the least noisy figure. */
export async function bestMs(f: () => unknown, runs = 3): Promise<number> {
  await f();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Median wall time of `runs` calls of `f`, in ms (after one warm-up call). */
export async function medianMs(f: () => unknown, runs = 3): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

/**
 * How much more CPU time `f` takes on an input 4× as large (linear ≈ 4, quadratic ≈ 16). CPU time
 * of this process, not wall time: on a machine shared with other jobs, waiting for a core would
 * count too, and more for the longer run. The two sizes are timed in turns, the least of each kept.
 */
export function cpuGrowth(f: (input: string) => unknown, make: (n: number) => string, n: number, runs = 5): number {
  const small = make(n);
  const big = make(4 * n);
  const cpuMs = (input: string) => {
    const t = process.cpuUsage();
    f(input);
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000;
  };
  f(small);
  f(big);
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    a = Math.min(a, cpuMs(small));
    b = Math.min(b, cpuMs(big));
  }
  return b / Math.max(1, a);
}

/** Fastest time of a whole diagnosis of `text` with the repository's rules (garbage collection is the noise). */
export function diagnoseMs(text: string, runs = 3): Promise<number> {
  const rules = ruleSet();
  return bestMs(() => diagnose(text, rules), runs);
}

/**
 * How much longer the engine takes on an input 4× as large: about 4 when it is linear, 16 when it
 * is quadratic. Small timings are dominated by noise, so the smaller input should take tens of ms.
 */
export async function growth(make: (n: number) => string, n: number): Promise<{ ratio: number; small: number; large: number }> {
  const a = make(n);
  const b = make(4 * n);
  const small = await diagnoseMs(a);
  const large = await diagnoseMs(b);
  return { ratio: large / Math.max(small, 1), small, large };
}

/**
 * The linear-growth bound used by the tests: 4× the input may cost at most this many times more.
 * Linear is 4 (up to about 7.5 seen, with garbage collection on the larger heap); quadratic is 16.
 */
export const LINEAR_BOUND = 10;
