/** The UI's only door to the workers: one StageWorker per heavy stage, spawned on first use. */
import type { CodegenApi, LayoutApi, PipelineApi } from './protocol.ts';
import { StageWorker } from './stageWorker.ts';

export const pipelineWorker = new StageWorker<PipelineApi>(
  'reading the paper',
  () => new Worker(new URL('../../workers/pipeline.worker.ts', import.meta.url), { type: 'module', name: 'pipeline' }),
);

export const codegenWorker = new StageWorker<CodegenApi>(
  'generating code',
  () => new Worker(new URL('../../workers/codegen.worker.ts', import.meta.url), { type: 'module', name: 'codegen' }),
);

export const layoutWorker = new StageWorker<LayoutApi>(
  'layout',
  () => new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' }),
);
