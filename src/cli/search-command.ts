/** `k8s-kb search [--json] [--lang zh|en] QUERY…`: the site's index and ranking, in a terminal. */
import { runSearchCommand } from '../search/cli.ts';
import { parseArgs, UsageError } from './args.ts';
import type { Io } from './diagnose-command.ts';
import { REPO_ROOT } from './io.ts';
import { langFromEnv } from './messages.ts';

export async function searchCommand(argv: string[], io: Io, color = false): Promise<number> {
  const args = parseArgs(argv, ['--json'], ['--lang', '--limit']);
  const langOpt = args.options.get('--lang');
  if (langOpt !== undefined && langOpt !== 'zh' && langOpt !== 'en') throw new UsageError('error.badLang', langOpt);
  const lang = (langOpt as 'zh' | 'en' | undefined) ?? langFromEnv(io.env);
  const query = args.positionals.join(' ').trim();
  if (!query) throw new UsageError('error.missingValue', 'QUERY');
  const limit = Number(args.options.get('--limit') ?? 10);
  const { output } = runSearchCommand({ query, lang, json: args.flags.has('--json'), root: REPO_ROOT, limit: Number.isFinite(limit) && limit > 0 ? limit : 10, color });
  io.out(output);
  return 0;
}
