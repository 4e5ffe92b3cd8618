/**
 * A worker kept from task to task (IsolatedWorker, used by `batch`): tasks that end well share one worker; a
 * task over its limit is still stopped with the limit named, its worker ended, and the next task starts in a
 * fresh worker and reads normally.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractTask } from '../../src/cli/extractTask.ts';
import { IsolatedWorker, LimitError, type IsolationLimits } from '../../src/cli/isolate.ts';
import type { Extraction } from '../../src/pipeline/extract.ts';

const paper = (name: string): ExtractTask => ({ bytes: new Uint8Array(readFileSync(`/work/shared/corpus/pdf/${name}`)), bitmaps: false, ocr: false });
const LIMITS: IsolationLimits = { heapMb: 2048, rssMb: 3072, totalMs: 240_000, startMs: 120_000 };
const worker = new IsolatedWorker('extractWorker');
afterAll(() => worker.close());

describe('IsolatedWorker', () => {
  it('reads paper after paper in the same worker while they end well', async () => {
    const first = await worker.run<ExtractTask, Extraction>(paper('plotneuralnet_vgg16.pdf'), LIMITS);
    const thread = worker.threadId;
    expect(thread).toBeDefined();
    const second = await worker.run<ExtractTask, Extraction>(paper('mxnet_squeezenet_graph.pdf'), LIMITS);
    expect(worker.threadId).toBe(thread);
    const again = await worker.run<ExtractTask, Extraction>(paper('plotneuralnet_vgg16.pdf'), LIMITS);
    expect(worker.threadId).toBe(thread);
    expect(first.designs.length).toBeGreaterThan(0);
    expect(second.designs.length).toBeGreaterThan(0);
    expect(again.designs).toEqual(first.designs);
  }, 300_000);

  it('stops a paper over its limit and ends its worker; the next paper gets a fresh worker and is read', async () => {
    await worker.run<ExtractTask, Extraction>(paper('plotneuralnet_vgg16.pdf'), LIMITS);
    const kept = worker.threadId;
    const error = await worker.run(paper('vgg.pdf'), { ...LIMITS, totalMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    expect((error as LimitError).limit).toBe('task');
    expect((error as Error).message).toMatch(/the document took longer than 50 ms \(the per-document limit\); the reading was stopped$/);
    expect(worker.threadId).toBeUndefined();
    const next = await worker.run<ExtractTask, Extraction>(paper('plotneuralnet_vgg16.pdf'), LIMITS);
    expect(worker.threadId).toBeDefined();
    expect(worker.threadId).not.toBe(kept);
    expect(next.designs.length).toBeGreaterThan(0);
  }, 300_000);

  it('ends the worker of a paper that fails (a damaged PDF) so the next starts clean', async () => {
    const damaged = { ...paper('vgg.pdf'), bytes: paper('vgg.pdf').bytes.subarray(0, 5000) };
    await expect(worker.run(damaged, LIMITS)).rejects.toThrow(/PDF/);
    expect(worker.threadId).toBeUndefined();
  }, 300_000);
});
