/**
 * k8s-kb command line (thin over the engine):
 *   k8s-kb diagnose [--json] [--lang zh|en] [--rules DIR] [--base-url URL] [FILE…]
 *   k8s-kb rules check [DIR]
 *   k8s-kb search [--json] [--lang zh|en] [--limit N] QUERY…
 * Exit status: 0 when the command ran, 1 when `rules check` found invalid rules or an input could
 * not be read (the reason on stderr, like kubectl), 2 on usage errors.
 */
import { UsageError } from './args.ts';
import { collectCommand } from './collect-command.ts';
import { diagnoseCommand, type Io } from './diagnose-command.ts';
import { evalCommand } from './eval-command.ts';
import { langFromEnv, t } from './messages.ts';
import { InputError } from './io.ts';
import { vetUserRules } from './regex-check.ts';
import { rulesCheckCommand } from './rules-command.ts';
import { searchCommand } from './search-command.ts';

/** The value of `--rules` (`--rules DIR` or `--rules=DIR`), if given before `--`. */
function rulesOption(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return undefined;
    if (a === '--rules') return args[i + 1];
    if (a.startsWith('--rules=')) return a.slice('--rules='.length);
  }
  return undefined;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const lang = langFromEnv(io.env);
  const [command, ...rest] = argv;
  try {
    // A user's own rules get the slow-regex analyser before they are loaded.
    const userRules = command === 'rules' && rest[0] === 'check' ? rest[1] : command === 'diagnose' || command === 'eval' ? rulesOption(rest) : undefined;
    if (userRules && !(await vetUserRules(userRules))) io.err(`k8s-kb: ${t(lang, 'rules.noRecheck')}\n`);
    if (command === 'diagnose') return await diagnoseCommand(rest, io);
    if (command === 'rules' && rest[0] === 'check') return await rulesCheckCommand(rest.slice(1), io);
    if (command === 'eval') return await evalCommand(rest, io);
    if (command === 'collect') return await collectCommand(rest, io);
    if (command === 'search') return await searchCommand(rest, io, Boolean(process.stdout.isTTY));
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(t(lang, 'usage'));
      return command === undefined ? 2 : 0;
    }
    throw new UsageError('error.unknownCommand', command === 'rules' ? `rules ${rest[0] ?? ''}`.trim() : command);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`k8s-kb: ${e.message}\n`);
      return 1;
    }
    if (e instanceof UsageError) {
      io.err(`k8s-kb: ${t(lang, e.key, { name: e.name })}\n\n${t(lang, 'usage')}`);
      return 2;
    }
    throw e;
  }
}

const isEntry = (() => {
  const arg = process.argv[1] ?? '';
  return /(?:^|[\\/])(?:main\.ts|k8s-kb(?:\.mjs)?)$/.test(arg);
})();

if (isEntry) {
  const io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Never a stack trace for the user; the message is enough to report a bug.
      process.stderr.write(`k8s-kb: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
