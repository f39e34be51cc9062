/** A small argument parser: flags, options with values (`--x v` or `--x=v`) and positionals. */

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positionals: string[];
}

export class UsageError extends Error {
  constructor(readonly key: 'error.unknownOption' | 'error.missingValue' | 'error.unknownCommand' | 'error.badLang', readonly name: string) {
    super(`${key}: ${name}`);
  }
}

/** Parses `argv` given the allowed boolean flags and value options; `-` is a positional (stdin). */
export function parseArgs(argv: string[], flags: string[], options: string[]): ParsedArgs {
  const out: ParsedArgs = { flags: new Set(), options: new Map(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (flags.includes(name) && eq < 0) out.flags.add(name);
    else if (options.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError('error.missingValue', name);
      out.options.set(name, value);
    } else throw new UsageError('error.unknownOption', name);
  }
  return out;
}
