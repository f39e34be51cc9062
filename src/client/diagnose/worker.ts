/**
 * The diagnosis engine in a Web Worker, so a 5 MB paste never freezes the page. Built into a
 * string and started from a Blob URL (a `new Worker('x.js')` is blocked from file://). The rules
 * are bundled in at build time (__KB_RULES__, made by `bundleRules`): validated and analysed
 * then, so loading here neither fails nor repeats that work.
 */
import { diagnose, ruleSetFromBundle, type RuleBundle } from '../../engine/index.ts';

declare const __KB_RULES__: RuleBundle;

const ruleSet = ruleSetFromBundle(__KB_RULES__);

interface Request {
  id: number;
  text: string;
}

self.onmessage = async (e: MessageEvent<Request>) => {
  const { id, text } = e.data;
  try {
    const started = performance.now();
    const result = await diagnose(text, ruleSet);
    (self as unknown as Worker).postMessage({ id, result, ms: performance.now() - started });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: String(err) });
  }
};
