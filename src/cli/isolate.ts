/**
 * Runs a task over untrusted input (a PDF, an image) in a worker thread with real limits. A long decode
 * inside pdf.js blocks the thread it runs in, timers included, so budgets kept by the reading code itself
 * cannot hold; the limits here are kept by this thread, which stays free:
 * - the worker's V8 heap is capped (resourceLimits);
 * - the process's resident memory is watched, for buffers outside the heap (inflated streams, pixels): what the
 *   task adds over the process's memory when it started, so memory a previous task left behind (a terminated
 *   worker's pages not yet returned) is not charged to the next;
 * - each step the task announces (`report(label, allowMs)`) must end within its allowance, and the whole task
 *   within `totalMs`; otherwise the worker is terminated and a LimitError names the step and the limit.
 */
import { existsSync } from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

export interface IsolationLimits {
  /** Old-generation heap of the worker, MB. */
  heapMb: number;
  /** Resident memory the task may add to the process over what it held when the task started, MB. */
  rssMb: number;
  /** The whole task, ms. */
  totalMs: number;
  /** The limit to name when `totalMs` is what is left of it (a task run again without a stuck page), ms. */
  statedTotalMs?: number;
  /** Until the task's first report (loading its modules), ms. */
  startMs: number;
}

/** The page of a document a step works on, and how many pages the document has, when known. */
export interface StepPage {
  number: number;
  count?: number;
  /** The bitmap figure of that page the step works on ("page 3, Figure 2"): a stuck figure step costs that figure only. */
  figure?: string;
}

/** A limit tripped: the task was stopped. */
export class LimitError extends Error {
  override name = 'LimitError';

  constructor(
    /** The limit and how it was passed, e.g. "took longer than 15000 ms (the limit for this step)". */
    readonly reason: string,
    readonly step: { label: string; page?: StepPage },
    /** Which limit: the step's own (time or memory) or the whole task's time. */
    readonly limit: 'step' | 'task',
  ) {
    super(`${step.label}: ${reason}; the reading was stopped`);
  }
}

/** What a task reports as it starts each step: the step's name, how long it may take, and its page if it has one. */
export type Report = (label: string, allowMs: number, page?: StepPage) => void;

type ToWorker<I> = { type: 'task'; input: I };
type FromWorker =
  | { type: 'step'; label: string; allowMs: number; page?: StepPage }
  | { type: 'result'; value: unknown; retainedBytes: number }
  | { type: 'error'; message: string };

/**
 * The worker's module: built beside this one (build/cli/<name>.js) when the CLI is built with it as an entry,
 * else its TypeScript source, loaded through tsx. Both trees are two folders deep, so `../../src` holds in both.
 */
export function workerStart(name: string): { file: URL; entry?: string } {
  const built = new URL(`./${name}.js`, import.meta.url);
  if (!import.meta.url.endsWith('.ts') && existsSync(built)) return { file: built };
  return { file: new URL('../../src/cli/workerBoot.mjs', import.meta.url), entry: new URL(`../../src/cli/${name}.ts`, import.meta.url).href };
}
const RSS_POLL_MS = 100;
/** How long a terminated worker may take to go before the result is given anyway. */
const TERMINATE_WAIT_MS = 5_000;
/**
 * A reused worker is replaced once what it keeps between tasks (heap and buffers, as it reports after each)
 * passes this share of its heap limit, or after this many tasks: whatever a task leaves behind stays bounded.
 */
const RETAINED_SHARE = 0.25;
const MAX_TASKS_PER_WORKER = 25;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * One worker thread for the task module src/cli/<name>.ts (see serveTask), kept for the next task after a task
 * that ended well (loading a worker and its modules costs ~0.2 s). A task that trips a limit, fails or ends
 * the worker has it terminated before its error is given, so the next task starts in a fresh worker; a worker
 * that keeps too much between tasks is replaced too. One task at a time.
 */
export class IsolatedWorker {
  private worker: Worker | undefined;
  private heapMb = 0;
  private tasks = 0;

  constructor(private readonly name: string) {}

  /** The thread of the worker kept for the next task; undefined when none is kept (none yet, or it was ended). */
  get threadId(): number | undefined {
    return this.worker?.threadId;
  }

  run<I, O>(input: I, limits: IsolationLimits): Promise<O> {
    if (!this.worker || this.heapMb !== limits.heapMb) {
      void this.close();
      const { file, entry } = workerStart(this.name);
      this.worker = new Worker(file, { workerData: { entry }, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb }, stdout: false, stderr: false });
      this.heapMb = limits.heapMb;
      this.tasks = 0;
      // Between tasks nobody listens: an idle worker's late error or exit only retires it.
      const idle = this.worker;
      idle.on('error', () => undefined).on('exit', () => this.worker === idle && (this.worker = undefined));
    }
    const worker = this.worker;
    this.tasks++;
    return new Promise<O>((resolve, reject) => {
      let step: { label: string; allowMs: number; at: number; page?: StepPage } = { label: 'starting', allowMs: limits.startMs, at: Date.now() };
      const started = Date.now();
      const baseRss = process.memoryUsage.rss();
      let peakRss = 0;
      let settled = false;
      const detach = () => {
        settled = true;
        clearInterval(watch);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const succeed = (value: O, retainedBytes: number) => {
        detach();
        if (retainedBytes > RETAINED_SHARE * limits.heapMb * 2 ** 20 || this.tasks >= MAX_TASKS_PER_WORKER) void this.close();
        resolve(value);
      };
      // An error is given once the worker has gone, so the task run next (a retry without a stuck page) starts clean.
      const fail = (error: Error) => {
        if (settled) return;
        detach();
        void this.close().then(() => reject(error));
      };
      const stop = (why: string, limit: LimitError['limit'] = 'step') =>
        fail(new LimitError(why, { label: step.label, ...(step.page ? { page: step.page } : {}) }, limit));
      const watch = setInterval(() => {
        const now = Date.now();
        const rss = process.memoryUsage.rss() - baseRss;
        peakRss = Math.max(peakRss, rss);
        if (rss > limits.rssMb * 2 ** 20) stop(`used more than ${limits.rssMb} MB of memory (the memory limit)`);
        else if (now - step.at > step.allowMs) stop(`took longer than ${step.allowMs} ms (the limit for this step)`);
        else if (now - started > limits.totalMs)
          stop(`the document took longer than ${limits.statedTotalMs ?? limits.totalMs} ms (the per-document limit)`, 'task');
      }, RSS_POLL_MS);
      const onMessage = (message: FromWorker) => {
        if (settled) return;
        if (message.type === 'step') step = { label: message.label, allowMs: message.allowMs, at: Date.now(), ...(message.page ? { page: message.page } : {}) };
        else if (message.type === 'result') succeed(message.value as O, message.retainedBytes);
        else fail(new Error(message.message));
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') stop(`needed more than ${limits.heapMb} MB of heap (the memory limit)`);
        else fail(error);
      };
      const onExit = (code: number) => fail(new Error(`the worker stopped unexpectedly (exit code ${code}, peak ${mb(peakRss)} MB over the start)`));
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ type: 'task', input } satisfies ToWorker<I>);
    });
  }

  /** Ends the worker (if any); resolves once it has gone, or after TERMINATE_WAIT_MS. */
  close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return Promise.resolve();
    const gone = new Promise<void>((done) => setTimeout(done, TERMINATE_WAIT_MS).unref());
    return Promise.race([
      worker.terminate().then(
        () => undefined,
        () => undefined,
      ),
      gone,
    ]);
  }
}

/** Runs the task that module src/cli/<name>.ts serves (see serveTask) on `input`, within `limits`, in a worker of its own. */
export async function runIsolated<I, O>(name: string, input: I, limits: IsolationLimits): Promise<O> {
  const worker = new IsolatedWorker(name);
  try {
    return await worker.run<I, O>(input, limits);
  } finally {
    await worker.close();
  }
}

/**
 * The worker side: runs `task` on each input the IsolatedWorker posts, one at a time, posting its steps and its
 * result (with what the worker keeps afterwards) or error.
 */
export function serveTask<I, O>(task: (input: I, report: Report) => Promise<O>): void {
  if (isMainThread || !parentPort) throw new Error('serveTask runs only in a worker started by IsolatedWorker');
  const port = parentPort;
  const report: Report = (label, allowMs, page) => port.postMessage({ type: 'step', label, allowMs, ...(page ? { page } : {}) } satisfies FromWorker);
  port.on('message', (message: ToWorker<I>) => {
    task(message.input, report).then(
      (value) => {
        const { heapUsed, external } = process.memoryUsage();
        port.postMessage({ type: 'result', value, retainedBytes: heapUsed + external } satisfies FromWorker);
      },
      (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
    );
  });
}
