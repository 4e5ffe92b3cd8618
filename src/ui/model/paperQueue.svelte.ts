/**
 * Many papers dropped at once: read one after another (each a whole paper in the batch's own pipeline worker),
 * with each one's state for the list on screen, and a cancel that stops the paper being read and the rest.
 */
import { CancelledError, type StageProgress } from '../../pipeline/browser.ts';

export type QueuedState = 'queued' | 'reading' | 'done' | 'failed' | 'cancelled';

export interface QueuedPaper {
  id: number;
  fileName: string;
  state: QueuedState;
  progress?: StageProgress;
  /** Designs found, when done. */
  designs?: number;
  /** Why it failed; or, when done, a remark ("already in the library"). */
  reason?: string;
}

/** Reads one paper into the library; resolves with the designs it holds, rejects with why it could not. */
export type ReadOne = (file: File, signal: AbortSignal, onProgress: (progress: StageProgress) => void) => Promise<{ designs: number; remark?: string }>;

export class PaperQueue {
  items = $state.raw<QueuedPaper[]>([]);
  private files = new Map<number, File>();
  private controller?: AbortController;
  private nextId = 0;

  constructor(
    private readonly readOne: ReadOne,
    /** Called when the queue has nothing more to read (the batch's worker can go). */
    private readonly onIdle: () => void,
  ) {}

  get active(): boolean {
    return this.items.some((item) => item.state === 'queued' || item.state === 'reading');
  }

  add(files: readonly File[]): void {
    const added = files.map((file) => ({ id: ++this.nextId, fileName: file.name, state: 'queued' as const }));
    added.forEach((item, i) => this.files.set(item.id, files[i]!));
    const running = this.active;
    this.items = [...this.items, ...added];
    if (!running) void this.run();
  }

  /** Stops the paper being read and drops the ones still waiting; what was finished stays in the library. */
  cancel(): void {
    this.controller?.abort();
    this.items = this.items.map((item) => (item.state === 'queued' ? { ...item, state: 'cancelled' } : item));
    this.files.clear();
  }

  /** Forgets the finished papers' lines (they are in the library). */
  clear(): void {
    this.items = this.items.filter((item) => item.state === 'queued' || item.state === 'reading');
  }

  private update(id: number, patch: Partial<QueuedPaper>): void {
    this.items = this.items.map((item) => (item.id === id ? { ...item, ...patch } : item));
  }

  private async run(): Promise<void> {
    for (let next = this.items.find((i) => i.state === 'queued'); next; next = this.items.find((i) => i.state === 'queued')) {
      const { id } = next;
      const file = this.files.get(id)!;
      this.files.delete(id);
      const controller = (this.controller = new AbortController());
      this.update(id, { state: 'reading' });
      try {
        const { designs, remark } = await this.readOne(file, controller.signal, (progress) => this.update(id, { progress }));
        this.update(id, { state: 'done', designs, progress: undefined, ...(remark ? { reason: remark } : {}) });
      } catch (error) {
        const cancelled = error instanceof CancelledError || controller.signal.aborted;
        this.update(id, { state: cancelled ? 'cancelled' : 'failed', progress: undefined, ...(cancelled ? {} : { reason: (error as Error).message }) });
      }
    }
    this.controller = undefined;
    this.onIdle();
  }
}
