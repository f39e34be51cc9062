/** `k8s-kb diagnose`: read inputs, run the engine, print JSON or a human report. */
import { createRuleSet, diagnose, RuleLoadFailure, type DiagnoseResult, type RuleSet } from '../engine/index.ts';
import { parseArgs, UsageError } from './args.ts';
import { errorText, MAX_READ_BYTES, readInput, readRules, readStdin, type Input } from './io.ts';
import { relatedFinder } from './related.ts';
import { langFromEnv, t, type Lang } from './messages.ts';
import { renderHuman, type CliMessage } from './render.ts';
import { addSteps } from './finding-steps.ts';
import { diagnoseBundleInput, isBundlePath } from './bundle-command.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: Record<string, string | undefined>;
}

type Result = Omit<DiagnoseResult, 'messages'> & { messages: CliMessage[] };

function langOption(value: string | undefined, env: Io['env']): Lang {
  if (value === undefined) return langFromEnv(env);
  if (value !== 'zh' && value !== 'en') throw new UsageError('error.badLang', value);
  return value;
}

/** Runs the command; returns the exit status. */
export async function diagnoseCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['--json'], ['--lang', '--rules', '--base-url']);
  const lang = langOption(args.options.get('--lang'), io.env);
  const baseUrl = args.options.get('--base-url') ?? io.env.K8S_KB_URL ?? io.env.K8S_KB_BASE_URL ?? undefined;
  let ruleSet: RuleSet;
  try {
    ruleSet = createRuleSet(readRules(args.options.get('--rules')));
  } catch (e) {
    if (e instanceof RuleLoadFailure) {
      io.err(`${t(lang, 'error.rules')}\n${e.message}\n`);
      return 2;
    }
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  const inputs = args.positionals.length ? args.positionals : ['-'];
  const many = inputs.length > 1;
  let status = 0;
  for (const input of inputs) {
    const name = input === '-' ? t(lang, 'diagnose.stdin') : input;
    // A folder or a .tar.gz/.tgz: read file by file and diagnosed as one cluster (src/bundle/).
    if (isBundlePath(input)) {
      const run = { ruleSet, lang, baseUrl, json: args.flags.has('--json'), many };
      status = Math.max(status, await diagnoseBundleInput(input, run, io));
      continue;
    }
    let result: Result = { sections: [], findings: [], messages: [] };
    let read: Input | undefined;
    try {
      read = input === '-' ? await readStdin() : readInput(input);
    } catch (e) {
      // Like kubectl: the reason on stderr and a non-zero exit; --json still prints the input's object.
      io.err(`k8s-kb: ${t(lang, 'message.unreadable-input', { file: name, error: errorText(e) })}\n`);
      status = 1;
      const error = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      result = { sections: [], findings: [], messages: [{ code: 'unreadable-input', params: { file: input, error } }] };
    }
    if (read) {
      result = await diagnose(read.text, ruleSet, { related: relatedFinder(lang) });
      addSteps(result.findings, lang);
      if (read.capped) result.messages.unshift({ code: 'input-capped', params: { file: name, limit: MAX_READ_BYTES / (1024 * 1024) } });
    }
    if (args.flags.has('--json')) {
      const obj = many ? { file: input, ...result } : result;
      io.out(many ? JSON.stringify(obj) + '\n' : JSON.stringify(obj, null, 2) + '\n');
    } else if (read) {
      io.out(renderHuman(name, result as DiagnoseResult & { messages: CliMessage[] }, lang, baseUrl) + (many ? '\n' : ''));
    }
  }
  return status;
}
