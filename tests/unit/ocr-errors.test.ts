import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeBitmapFigures } from '../../src/cli/bitmaps.ts';
import { createOcr } from '../../src/diagrams/index.ts';
import { extractDesigns } from '../../src/pipeline/extract.ts';

describe('OCR that cannot start', () => {
  it('rejects, naming the traineddata it could not load (tesseract.js alone would hang or crash the process)', async () => {
    await expect(createOcr({ langPath: '/nonexistent/tessdata' })).rejects.toThrow(
      /OCR: cannot load the English traineddata from \/nonexistent\/tessdata .*ENOENT/,
    );
  });

  it('costs a paper only its bitmap figures: each gets a warning, the rest of the reading stands', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../shared/corpus/pdf/alexnet.pdf', import.meta.url)));
    const bitmaps = nodeBitmapFigures(bytes);
    bitmaps.reader.ocr = { langPath: '/nonexistent/tessdata' };
    // Every bitmap goes to OCR, whatever the classifier thinks of it: OCR is what is under test.
    bitmaps.threshold = 0;
    try {
      const { designs, warnings } = await extractDesigns(bytes, { bitmaps });
      expect(designs.some((d) => d.source?.kind === 'text')).toBe(true);
      expect(warnings).toContainEqual(expect.stringMatching(/^page \d+, Figure \d+: the bitmap figure could not be read \(OCR: cannot load/));
    } finally {
      await bitmaps.close();
    }
  }, 120_000);
});
