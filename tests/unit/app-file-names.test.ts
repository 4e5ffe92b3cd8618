import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/ui/model/download.ts';

describe('file names of downloads', () => {
  it('gives a design name ending in "." a stem without it (no "…..zip")', () => {
    expect(`${safeFileName('Table 1: ConvNet configurations (shown in columns).')}.zip`).toBe('Table_1_ConvNet_configurations_shown_in_columns.zip');
    expect(safeFileName('net...')).toBe('net');
  });

  it('keeps no path, no hidden-file dot and no runs of dots, and falls back when nothing is left', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('a..b')).toBe('a.b');
    expect(safeFileName('...')).toBe('design');
    expect(safeFileName('résumé net v1.2')).toBe('r_sum_net_v1.2');
  });
});
