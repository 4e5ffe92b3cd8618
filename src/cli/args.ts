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
