/** The UI's only door to the workers: one StageWorker per heavy stage, spawned on first use. */
import type { CodegenApi, LayoutApi, PipelineApi } from './protocol.ts';
import { StageWorker } from './stageWorker.ts';

export const pipelineWorker = new StageWorker<PipelineApi>(
  'reading the paper',
  () => new Worker(new URL('../../workers/pipeline.worker.ts', import.meta.url), { type: 'module', name: 'pipeline' }),
);

/**
 * Papers dropped many at once are read in a pipeline worker of their own: cancelling one reading terminates its
 * worker, so the paper on screen and the batch never stop each other.
 */
export const batchWorker = new StageWorker<PipelineApi>(
  'reading the batch',
  () => new Worker(new URL('../../workers/pipeline.worker.ts', import.meta.url), { type: 'module', name: 'pipeline-batch' }),
);

const spawnCodegen = (name: string) => (): Worker => new Worker(new URL('../../workers/codegen.worker.ts', import.meta.url), { type: 'module', name });

/** Keras/PyTorch code on every edit; never blocked behind a slow export. */
export const codegenWorker = new StageWorker<CodegenApi>('generating code', spawnCodegen('codegen'));

/** ZIP and ONNX downloads. */
export const exportWorker = new StageWorker<CodegenApi>('exporting', spawnCodegen('codegen-export'));

export const layoutWorker = new StageWorker<LayoutApi>(
  'layout',
  () => new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' }),
);
