/**
 * One heavy stage in its own Web Worker, called through Comlink as plain async functions.
 * Cancelling terminates the worker — the only way to stop wasm (OpenCV, tesseract, onnxruntime) in the
 * middle of a computation — and the next call starts a fresh one.
 */
import * as Comlink from 'comlink';

export class CancelledError extends Error {
  constructor(stage: string) {
    super(`${stage} cancelled`);
    this.name = 'AbortError';
  }
}

export class StageWorker<Api> {
  private worker?: Worker;
  private remote?: Comlink.Remote<Api>;

  constructor(
    private readonly stage: string,
    private readonly spawn: () => Worker,
  ) {}

  private start(): { worker: Worker; remote: Comlink.Remote<Api> } {
    if (!this.worker || !this.remote) {
      this.worker = this.spawn();
      this.remote = Comlink.wrap<Api>(this.worker);
    }
    return { worker: this.worker, remote: this.remote };
  }

  /** Runs one call in the worker; rejects with CancelledError when `signal` aborts, or when the worker dies. */
  run<R>(call: (api: Comlink.Remote<Api>) => Promise<R>, signal?: AbortSignal): Promise<R> {
    if (signal?.aborted) return Promise.reject(new CancelledError(this.stage));
    const { worker, remote } = this.start();
    return new Promise<R>((resolve, reject) => {
      const onAbort = (): void => {
        this.terminate();
        reject(new CancelledError(this.stage));
      };
      const onCrash = (event: ErrorEvent): void => {
        this.terminate();
        reject(new Error(`${this.stage} worker failed: ${event.message || 'could not start'}`));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.addEventListener('error', onCrash, { once: true });
      call(remote)
        .then(resolve, reject)
        .finally(() => {
          signal?.removeEventListener('abort', onAbort);
          worker.removeEventListener('error', onCrash);
        });
    });
  }

  /** Starts the worker ahead of its first call, so its code is loaded and compiled by the time a call comes. */
  warmUp(): void {
    this.start();
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
  }
}

/** Wraps a callback so a worker can call it back (progress reports) instead of receiving a copy. */
export function callbackForWorker<F extends (...args: never[]) => unknown>(fn: F): F & Comlink.ProxyMarked {
  return Comlink.proxy(fn);
}
