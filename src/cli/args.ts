/** A small argument parser for the CLI commands: positionals plus `--flag value` / `--switch`. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(args: string[], switches: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) options.set(name, inline);
      else if (switches.includes(name)) options.set(name, true);
      else {
        const value = args[++i];
        if (value === undefined) throw new Error(`--${name} needs a value`);
        options.set(name, value);
      }
    } else positionals.push(arg);
  }
  return { positionals, options };
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

export interface FileCommandArgs extends ParsedArgs {
  /** The first positional: the file the command reads. */
  file: string;
}

/**
 * Parses the arguments of a command that reads one file. On a flag without its value, no file, or more
 * than `maxPositionals` positionals, writes the problem and `usage` to stderr and returns undefined:
 * the command then exits with 2.
 */
export function parseFileCommand(args: string[], usage: string, switches: readonly string[], maxPositionals = Infinity): FileCommandArgs | undefined {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(args, switches);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return undefined;
  }
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > maxPositionals) {
    process.stderr.write(`${usage}\n`);
    return undefined;
  }
  return { ...parsed, file };
}
