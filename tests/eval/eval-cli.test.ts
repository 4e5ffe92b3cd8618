/** `paper2net eval`: the accuracy suites on the real corpus, through the command line. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const evalCli = (...args: string[]): string => execFileSync('npx', ['tsx', 'src/cli/main.ts', 'eval', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('paper2net eval', () => {
  it('papers: VGG configuration D read from vgg.pdf matches the VGG-16 prototxt layer for layer; --out writes table, JSON and chart', () => {
    const out = mkdtempSync(join(tmpdir(), 'p2n-eval-'));
    try {
      const result = JSON.parse(evalCli('papers', `${corpus}pdf/vgg.pdf=${corpus}prototxt/vgg-benchmarks__vgg16_deploy.prototxt`, '--json', '--out', out));
      const [vgg] = result.items;
      expect(vgg.designs).toBe(6);
      expect(vgg.best).toMatch(/\bD\b/);
      expect(vgg.types).toMatchObject({ precision: 1, recall: 1, truth: 21 }); // 13 conv + 5 pool + 3 FC
      expect(vgg.sizes.f1).toBe(1);
      expect(readdirSync(out).sort()).toEqual(['papers.json', 'papers.md', 'papers.svg']);
      expect(readFileSync(join(out, 'papers.md'), 'utf8')).toContain('| vgg.pdf |');
      expect(readFileSync(join(out, 'papers.svg'), 'utf8')).toMatch(/^<svg [^>]*>[\s\S]*vgg\.pdf[\s\S]*<\/svg>\n$/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);

  it('classify: every corpus image, with the accuracy per class', () => {
    const result = JSON.parse(evalCli('classify', '--json'));
    const arch = readdirSync(join(corpus, 'images/arch')).length;
    const other = readdirSync(join(corpus, 'images/other')).length;
    expect(result.items).toHaveLength(arch + other);
    const right = result.items.filter((i: { right: boolean }) => i.right).length;
    expect(result.summary[0]).toContain(`${((100 * right) / (arch + other)).toFixed(1)}% of ${arch + other} images`);
    // The committed model got 75% on these (models/README.md); far below would be a broken classifier or preprocessing.
    expect(right / (arch + other)).toBeGreaterThan(0.65);
  }, 120_000);

  it('says what is wrong with a bad call', () => {
    expect(() => evalCli('nonsense')).toThrow(/unknown suite "nonsense"/);
    expect(() => evalCli('papers', 'paper.pdf')).toThrow(/expected input=reference/);
  });
});
