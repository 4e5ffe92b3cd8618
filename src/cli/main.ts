/**
 * `paper2net <command> ...`: checks the command line against the command's option table (src/cli/commands.ts),
 * prints help, then loads the command's module (src/cli/<command>.ts), whose `run(args)` returns the exit code.
 * Exit status everywhere: 0 done, 1 failed, 2 bad command line (UsageError).
 */
import { readFileSync } from 'node:fs';
import { COMMANDS } from './commands.ts';
import { commandHelp, nearest, parseCommand, programHelp, usageLine, UsageError } from './options.ts';

interface CommandModule {
  run(args: string[]): Promise<number>;
}

/** Literal paths, so the build splits each command into its own chunk, loaded only when run. */
const MODULES: Record<string, () => Promise<CommandModule>> = {
  extract: () => import('./extract.ts'),
  batch: () => import('./batch.ts'),
  figure: () => import('./figure.ts'),
  classify: () => import('./classify.ts'),
  codegen: () => import('./codegen.ts'),
  import: () => import('./import.ts'),
  synth: () => import('./synth.ts'),
  eval: () => import('./eval.ts'),
};

/** package.json is two folders up from src/cli/ and from the built build/cli/ alike. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h') {
    process.stdout.write(programHelp(COMMANDS));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`paper2net ${version()}\n`);
    return 0;
  }
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) {
    if (!name) process.stderr.write(programHelp(COMMANDS));
    else {
      const option = name.startsWith('-');
      const near = nearest(name.replace(/^-+/, ''), option ? ['help', 'version'] : COMMANDS.map((c) => c.name));
      const problem = option
        ? `unknown option ${name}${near ? `; did you mean --${near}?` : ''}`
        : `unknown command "${name}"${near ? `; did you mean "${near}"?` : ''}`;
      process.stderr.write(`paper2net: ${problem}\n(paper2net --help lists the commands)\n`);
    }
    return 2;
  }
  try {
    if (parseCommand(spec, args).help) {
      process.stdout.write(commandHelp(spec));
      return 0;
    }
    return await (await MODULES[spec.name]!()).run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`paper2net ${spec.name}: ${error.message}\n${usageLine(spec)}\n(paper2net ${spec.name} --help lists the options)\n`);
      return 2;
    }
    process.stderr.write(`paper2net ${spec.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
