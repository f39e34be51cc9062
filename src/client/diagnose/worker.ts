/**
 * The diagnosis engine in a Web Worker, so a 5 MB paste never freezes the page. Built into a
 * string and started from a Blob URL (a `new Worker('x.js')` is blocked from file://). The rules
 * are bundled in at build time (__KB_RULES__), validated then, so loading here cannot fail.
 */
import { createRuleSet, diagnose } from '../../engine/index.ts';

declare const __KB_RULES__: { path: string; text: string }[];

const ruleSet = createRuleSet(__KB_RULES__);

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
