/** `k8s-kb diagnose`: read inputs, run the engine, print JSON or a human report. */
import { createRuleSet, diagnose, RuleLoadFailure, type DiagnoseResult } from '../engine/index.ts';
import { parseArgs, UsageError } from './args.ts';
import { readInput, readRules, readStdin } from './io.ts';
import { relatedFinder } from './related.ts';
import { langFromEnv, t, type Lang } from './messages.ts';
import { renderHuman, type CliMessage } from './render.ts';

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
  const baseUrl = args.options.get('--base-url') ?? io.env.K8S_KB_BASE_URL ?? undefined;
  let ruleSet;
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
  for (const input of inputs) {
    let result: Result;
    try {
      const text = input === '-' ? await readStdin() : readInput(input);
      result = await diagnose(text, ruleSet, { related: relatedFinder(lang) });
    } catch (e) {
      const error = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      result = { sections: [], findings: [], messages: [{ code: 'unreadable-input', params: { file: input, error } }] };
    }
    const name = input === '-' ? t(lang, 'diagnose.stdin') : input;
    if (args.flags.has('--json')) {
      const obj = many ? { file: input, ...result } : result;
      io.out(many ? JSON.stringify(obj) + '\n' : JSON.stringify(obj, null, 2) + '\n');
    } else {
      io.out(renderHuman(name, result as DiagnoseResult & { messages: CliMessage[] }, lang, baseUrl) + (many ? '\n' : ''));
    }
  }
  return 0;
}
