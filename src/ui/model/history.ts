/** Undo/redo over immutable values: each edit pushes the previous value. */
export class History<T> {
  private past: Array<{ value: T; label: string }> = [];
  private future: Array<{ value: T; label: string }> = [];

  constructor(
    public present: T,
    private readonly limit = 500,
  ) {}

  /** Records `next` as the new present. `label` names the edit (shown in the undo tooltip and the library log). */
  push(next: T, label: string): void {
    this.past.push({ value: this.present, label });
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.present = next;
  }

  undo(): string | undefined {
    const entry = this.past.pop();
    if (!entry) return undefined;
    this.future.push({ value: this.present, label: entry.label });
    this.present = entry.value;
    return entry.label;
  }

  redo(): string | undefined {
    const entry = this.future.pop();
    if (!entry) return undefined;
    this.past.push({ value: this.present, label: entry.label });
    this.present = entry.value;
    return entry.label;
  }

  get undoLabel(): string | undefined {
    return this.past.at(-1)?.label;
  }

  get redoLabel(): string | undefined {
    return this.future.at(-1)?.label;
  }
}
