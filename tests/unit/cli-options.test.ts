/** The CLI's option parser (src/cli/options.ts) on the real command tables. */
import { describe, expect, it } from 'vitest';
import { CODEGEN, COMMANDS, EXTRACT, SYNTH } from '../../src/cli/commands.ts';
import { commandHelp, integerOption, nearest, parseCommand, UsageError } from '../../src/cli/options.ts';

const usageError = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('no UsageError');
};

describe('parseCommand', () => {
  it('reads positionals, values and switches in any order, inline or not', () => {
    const parsed = parseCommand(EXTRACT, ['--json', 'paper.pdf', '--out=dir', '--max-pages', '3', '--no-bitmaps']);
    expect(parsed).toEqual({ positionals: ['paper.pdf'], values: { json: true, out: 'dir', 'max-pages': '3', 'no-bitmaps': true }, help: false });
  });

  it('names an unknown option and suggests the nearest one, without swallowing the next argument', () => {
    expect(usageError(() => parseCommand(EXTRACT, ['paper.pdf', '--ouput', 'dir']))).toBe('unknown option --ouput; did you mean --out?');
    expect(usageError(() => parseCommand(SYNTH, ['--cont', '3', '--out', 'd']))).toBe('unknown option --cont; did you mean --count?');
    expect(usageError(() => parseCommand(EXTRACT, ['paper.pdf', '--no-bitmap']))).toMatch(/did you mean --no-bitmaps\?$/);
    expect(usageError(() => parseCommand(EXTRACT, ['paper.pdf', '--zebra']))).toBe('unknown option --zebra');
    expect(usageError(() => parseCommand(EXTRACT, ['paper.pdf', '-x']))).toBe('unknown option -x');
  });

  it('refuses a value for a switch (--json=false is not "on"), a missing value, and an option where a value belongs', () => {
    expect(usageError(() => parseCommand(EXTRACT, ['paper.pdf', '--json=false']))).toMatch(/^--json is a switch and takes no value/);
    expect(usageError(() => parseCommand(EXTRACT, ['paper.pdf', '--out']))).toBe('--out needs a value: --out DIR');
    expect(usageError(() => parseCommand(EXTRACT, ['paper.pdf', '--out', '--json']))).toMatch(/^--out needs a value, got the option-like "--json"/);
    expect(parseCommand(SYNTH, ['--out', 'd', '--seed=-5']).values.seed).toBe('-5');
  });

  it('checks the number of positionals and the required options, but not when help is asked for', () => {
    expect(usageError(() => parseCommand(EXTRACT, []))).toBe('missing paper.pdf');
    expect(usageError(() => parseCommand(EXTRACT, ['a.pdf', 'b.pdf']))).toBe('unexpected argument "b.pdf"');
    expect(usageError(() => parseCommand(CODEGEN, ['graph.json']))).toBe('--out DIR|x.zip is required');
    expect(parseCommand(CODEGEN, ['--help']).help).toBe(true);
    expect(parseCommand(EXTRACT, ['-h']).help).toBe(true);
  });
});

describe('option helpers', () => {
  it('integerOption takes whole numbers at or above the minimum', () => {
    expect(integerOption('count', undefined, 10, 1)).toBe(10);
    expect(integerOption('count', '7', 10, 1)).toBe(7);
    expect(integerOption('seed', '-5', 1, Number.MIN_SAFE_INTEGER)).toBe(-5);
    expect(usageError(() => integerOption('count', '0', 10, 1))).toBe('--count must be a whole number ≥ 1, got "0"');
    expect(usageError(() => integerOption('count', '2.5', 10, 1))).toMatch(/whole number/);
    expect(usageError(() => integerOption('count', 'ten', 10, 1))).toMatch(/whole number/);
  });

  it('nearest suggests only likely slips', () => {
    expect(
      nearest(
        'extrct',
        COMMANDS.map((c) => c.name),
      ),
    ).toBe('extract');
    expect(nearest('max', Object.keys(EXTRACT.options))).toBe('max-pages');
    expect(
      nearest(
        'banana',
        COMMANDS.map((c) => c.name),
      ),
    ).toBeUndefined();
  });

  it('the help of every command lists each option of its table with its value name', () => {
    for (const spec of COMMANDS) {
      const help = commandHelp(spec);
      expect(help.split('\n')[0]).toBe(
        `usage: paper2net ${spec.name}${spec.positionals ? ` ${spec.positionals}` : ''}${Object.entries(spec.options)
          .filter(([, o]) => o.required)
          .map(([n, o]) => ` --${n} ${o.value}`)
          .join('')} [options]`,
      );
      for (const [name, option] of Object.entries(spec.options)) {
        expect(help, `${spec.name} --${name}`).toMatch(
          new RegExp(`^ +--${name}${option.type === 'string' ? ` ${option.value!.replace(/[|.]/g, '\\$&')}` : ''} +\\S`, 'm'),
        );
      }
      expect(help).toMatch(/^ {2}-h, --help +show this help$/m);
    }
  });
});
