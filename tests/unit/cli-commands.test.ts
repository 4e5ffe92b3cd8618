/**
 * `paper2net` as a user starts it (bin/paper2net.mjs, running the build that the test setup makes): help, version,
 * usage errors that name the flag and suggest the right one, and one exit status per kind of outcome.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { FONT_FILES, resvgRasterizer } from '../../src/cli/synth.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'p2n-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(root, 'bin/paper2net.mjs'), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

// Starting node and reading a few files (no transpiling, no command module) takes well under a second; the
// limit is for a 2-core machine that others load too.
const START = 30_000;

describe('paper2net: help and version', () => {
  it('runs the built JavaScript, not the TypeScript source', () => {
    expect(existsSync(join(root, 'build/cli/main.js'))).toBe(true);
  });

  it('without a build, bin/ runs the TypeScript source through tsx', () => {
    // A checkout of its own with no build/: the launcher, and the sources and packages of this one.
    const checkout = mkdtempSync(join(tmpdir(), 'p2n-nobuild-'));
    try {
      mkdirSync(join(checkout, 'bin'));
      copyFileSync(join(root, 'bin/paper2net.mjs'), join(checkout, 'bin/paper2net.mjs'));
      copyFileSync(join(root, 'package.json'), join(checkout, 'package.json'));
      for (const link of ['src', 'node_modules']) symlinkSync(join(root, link), join(checkout, link));
      const result = spawnSync(process.execPath, [join(checkout, 'bin/paper2net.mjs'), 'import', '--bogus'], { encoding: 'utf8' });
      expect(result.stderr).toContain('paper2net import: unknown option --bogus');
      expect(result.status).toBe(2);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  }, 60_000);

  it(
    '--version prints the package version',
    () => {
      const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      expect(cli('--version')).toEqual({ status: 0, stdout: `paper2net ${version}\n`, stderr: '' });
    },
    START,
  );

  it(
    '--help lists every command on stdout; no command at all is a usage error with the same list on stderr',
    () => {
      const help = cli('--help');
      expect(help.status).toBe(0);
      for (const spec of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^ {2}${spec.name} +${spec.summary.slice(0, 20).replace(/[()]/g, '\\$&')}`, 'm'));
      expect(cli()).toEqual({ status: 2, stdout: '', stderr: help.stdout });
    },
    START,
  );

  it.each(COMMANDS.map((c) => c.name))(
    '%s --help prints its usage and options without needing its arguments',
    (name) => {
      const { status, stdout, stderr } = cli(name, '--help');
      expect(status).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(new RegExp(`^usage: paper2net ${name}\\b`));
      for (const option of Object.keys(COMMANDS.find((c) => c.name === name)!.options)) expect(stdout).toContain(`--${option}`);
      expect(stdout).toContain('-h, --help');
    },
    START,
  );
});

describe('paper2net: usage errors exit 2 and say what is wrong', () => {
  it.each([
    [['extract', 'paper.pdf', '--ouput', 'out'], 'paper2net extract: unknown option --ouput; did you mean --out?'],
    [['synth', '--cont', '3', '--out', 'figs'], 'paper2net synth: unknown option --cont; did you mean --count?'],
    [['classify', 'a.png', '--jsno'], 'paper2net classify: unknown option --jsno; did you mean --json?'],
    [['extract', 'paper.pdf', '--json=false'], 'paper2net extract: --json is a switch and takes no value'],
    [['figure', 'figure.png', '--page'], 'paper2net figure: --page needs a value: --page N'],
    [['codegen', 'graph.json', '--target', 'keras'], 'paper2net codegen: --out DIR|x.zip is required'],
    [['import'], 'paper2net import: missing model.prototxt|model.json|model.onnx'],
    [['import', 'a.prototxt', 'b.prototxt'], 'paper2net import: unexpected argument "b.prototxt"'],
    [['extrct', 'paper.pdf'], 'paper2net: unknown command "extrct"; did you mean "extract"?'],
    [['--verbose'], 'paper2net: unknown option --verbose'],
  ])(
    '%j',
    (args, message) => {
      const { status, stdout, stderr } = cli(...args);
      expect(stderr.split('\n')[0]).toContain(message);
      expect(status).toBe(2);
      expect(stdout).toBe('');
    },
    START,
  );

  it('a bad value found by the command itself is a usage error too', () => {
    expect(cli('synth', '--count', '0', '--out', 'figs')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--count must be a whole number ≥ 1, got "0"'),
    });
    expect(cli('synth', '--styles', 'keras9', '--out', 'figs')).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown style "keras9"') });
    expect(cli('codegen', 'graph.json', '--target', 'tensorflow', '--out', 'x')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('unknown target "tensorflow"'),
    });
    expect(cli('extract', 'paper.pdf', '--max-pages', 'all')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--max-pages must be a whole number'),
    });
    expect(cli('eval', 'everything')).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown suite "everything"') });
    expect(cli('figure', 'figure.png', '--bbox', '1,2,3')).toMatchObject({ status: 2, stderr: expect.stringContaining('--bbox') });
  }, 60_000);
});

describe('paper2net: failures exit 1, results go to stdout and progress to stderr', () => {
  it('a file that cannot be read or understood exits 1 with the reason on stderr', () => {
    writeFileSync(join(dir, 'notes.txt'), 'not a model\n');
    expect(cli('import', 'missing.prototxt')).toMatchObject({ status: 1, stdout: '', stderr: expect.stringMatching(/cannot read missing\.prototxt/) });
    expect(cli('import', 'notes.txt')).toMatchObject({ status: 1, stdout: '', stderr: expect.stringMatching(/notes\.txt.*cannot tell the format/) });
    expect(cli('extract', 'notes.txt', '--no-bitmaps')).toMatchObject({ status: 1, stdout: '' });
  }, 60_000);

  it('synth draws figures in worker threads of the built CLI (--jobs 2), its summary on stderr, then figure reads one back', () => {
    const synth = cli('synth', '--count', '2', '--seed', '5', '--styles', 'caffe', '--jobs', '2', '--out', 'figs');
    expect(synth.status).toBe(0);
    expect(synth.stdout).toBe('');
    expect(synth.stderr).toMatch(/^synth: 2 figures in .* 2 threads\) → figs\n$/);
    const manifest = JSON.parse(readFileSync(join(dir, 'figs/manifest.json'), 'utf8')) as { samples: Array<{ image: string; truth: string; layers: number }> };
    expect(manifest.samples.map((s) => s.image)).toEqual(['000000-caffe.png', '000001-caffe.png']);
    const reading = cli('figure', `figs/${manifest.samples[0]!.image}`, '--json');
    expect(reading.status).toBe(0);
    const { graph } = JSON.parse(reading.stdout) as { graph: { layers: Array<{ type: string }> } };
    const truth = JSON.parse(readFileSync(join(dir, 'figs', manifest.samples[0]!.truth), 'utf8')) as { graph: { layers: Array<{ type: string }> } };
    expect(graph.layers.length).toBeGreaterThan(0);
    expect(graph.layers.filter((l) => l.type === 'Conv2D').length).toBe(truth.graph.layers.filter((l) => l.type === 'Conv2D').length);
  }, 120_000);
});

describe('paper2net synth: fonts', () => {
  it('refuses to draw with a font whose files are missing, naming the file and the package, instead of drawing no text', async () => {
    FONT_FILES['Nowhere Sans'] = ['nowhere/NowhereSans.ttf'];
    try {
      await expect(resvgRasterizer.rasterize('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 1, ['Nowhere Sans'])).rejects.toThrow(
        /no font file \/usr\/share\/fonts\/truetype\/nowhere\/NowhereSans\.ttf; install Debian's fonts-liberation/,
      );
    } finally {
      delete FONT_FILES['Nowhere Sans'];
    }
  });
});
