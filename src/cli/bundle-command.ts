/** `k8s-kb diagnose DIR|FILE.tar.gz`: a bundle or folder diagnosed as one cluster. */
import { statSync } from 'node:fs';
import { BundleError, diagnoseBundle, prepareBundle, type BundleReport } from '../bundle/index.ts';
import { diagnose, type Finding, type RuleSet } from '../engine/index.ts';
import { readBundlePath } from './bundle-read.ts';
import { bundleJson, bundleText, renderBundle } from './bundle-render.ts';
import { addSteps } from './finding-steps.ts';
import { errorText } from './io.ts';
import type { Lang } from './messages.ts';
import { relatedFinder } from './related.ts';

export { isBundlePath } from './bundle-read.ts';

export interface BundleRun {
  ruleSet: RuleSet;
  lang: Lang;
  baseUrl: string | undefined;
  json: boolean;
  /** Several inputs on the command line: one JSON object per line, with `file`. */
  many: boolean;
}

/** Reads and diagnoses one bundle path; prints the report; returns the exit status (0, or 1 when unreadable). */
export async function diagnoseBundleInput(input: string, run: BundleRun, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  let report: BundleReport;
  try {
    const { files, skipped } = readBundlePath(input);
    if (files.length === 0 && skipped.length === 0) throw new BundleError(statSync(input).isDirectory() ? 'empty-folder' : 'empty-bundle');
    const related = relatedFinder(run.lang);
    report = await diagnoseBundle(prepareBundle(files, skipped), (text) => diagnose(text, run.ruleSet, { related }));
  } catch (e) {
    const error = e instanceof BundleError ? bundleText(run.lang, `error.${e.code}`, { file: input, ...e.params }) : errorText(e);
    io.err(`k8s-kb: ${error}\n`);
    const code = e instanceof BundleError ? e.code : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    if (run.json) {
      const obj = { ...(run.many ? { file: input } : {}), sections: [], findings: [], messages: [{ code: 'unreadable-input', params: { file: input, error: code } }] };
      io.out(run.many ? JSON.stringify(obj) + '\n' : JSON.stringify(obj, null, 2) + '\n');
    }
    return 1;
  }
  addSteps(report.findings as unknown as Finding[], run.lang);
  if (run.json) {
    const obj = run.many ? { file: input, ...bundleJson(report) } : bundleJson(report);
    io.out(run.many ? JSON.stringify(obj) + '\n' : JSON.stringify(obj, null, 2) + '\n');
  } else io.out(renderBundle(input, report, run.lang, run.baseUrl) + (run.many ? '\n' : ''));
  return 0;
}
