/**
 * One design open in the editor: the graph with undo/redo, selection, node positions, live analysis
 * (shapes and issues), generated code and autosave to the library. Components read its fields and
 * call its methods; they hold no logic of their own.
 */
import { analyseGraph, getSpec, type Graph, type ParamValue } from '../../graph/index.ts';
import { codegenWorker, layoutWorker, loadLiveCodegen, type CodeTab, type LiveCode } from '../../pipeline/browser.ts';
import type { DesignRecord, EditLogEntry } from '../../store/index.ts';
import { nearestFreeOutput, NODE_HEIGHT, NODE_WIDTH, structureKey, type Positions } from './flowView.ts';
import * as edits from './graphEdits.ts';
import { History } from './history.ts';
import { formatParam } from './paramText.ts';

/** A save that failed for a passing reason (storage busy or full) is tried again after this long. */
const SAVE_RETRY_MS = 5000;

/** The main-thread emitters, fetched when the first design is opened. */
let liveCodegen: ReturnType<typeof loadLiveCodegen> | undefined;

export class EditorSession {
  graph = $state.raw<Graph>() as Graph;
  selected = $state.raw<ReadonlySet<string>>(new Set());
  positions = $state.raw<Positions>({});
  analysis = $derived(analyseGraph(this.graph));
  /** The code panel's shown tab, and its code for the current graph (or the last graph while that is written). */
  codeTab = $state<CodeTab>('keras');
  code = $state.raw<LiveCode | undefined>();
  /** Why the last edit was refused (a cycle, a duplicate name), shown until the next edit. */
  editError = $state<string | undefined>();
  undoLabel = $state<string | undefined>();
  redoLabel = $state<string | undefined>();
  rating = $state(0);
  note = $state('');
  /** Bumped after every layout so the view can fit it on screen. */
  layoutVersion = $state(0);
  /** A layer the view should bring to the centre (set when arriving from the PDF). */
  focusRequest = $state.raw<{ id: string } | undefined>();
  /** A layout is being computed (the view says so: a 400-layer graph takes a moment). */
  layingOut = $state(false);

  private readonly history: History<Graph>;
  private editLog: EditLogEntry[];
  private laidOut = '';
  private codeRequest = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** updatedAt of the stored version this session's changes build on (the library refuses a save over another). */
  private basedOn: number;
  private discarded = false;
  /** Why the last save failed; it is retried unless the library refused it (paper deleted, changed in another tab). */
  saveError = $state<string | undefined>();
  /** The next edit keeps the nodes where they are (a layer dropped where the person wanted it). */
  private keepPlaces = false;
  private layoutRuns = 0;

  constructor(
    readonly design: DesignRecord,
    private readonly persist: (design: DesignRecord, basedOn: number) => Promise<void>,
  ) {
    this.basedOn = design.updatedAt;
    this.graph = design.graph;
    this.rating = design.rating;
    this.note = design.note;
    this.editLog = [...design.edits];
    this.history = new History(design.graph);
    void this.regenerate();
    void this.layout();
  }

  get id(): string {
    return this.design.id;
  }

  get editCount(): number {
    return this.editLog.length;
  }

  /** Applies one edit; a refused edit leaves the graph as it was and says why. */
  private edit(label: string, change: (graph: Graph) => Graph): boolean {
    const started = performance.now();
    let next: Graph;
    try {
      next = change(this.graph);
    } catch (error) {
      this.editError = (error as Error).message;
      return false;
    }
    this.history.push(next, label);
    this.show(label, started);
    return true;
  }

  private show(label: string, started: number): void {
    this.graph = this.history.present;
    this.editError = undefined;
    this.undoLabel = this.history.undoLabel;
    this.redoLabel = this.history.redoLabel;
    this.editLog.push({ at: Date.now(), label });
    const alive = new Set(this.graph.layers.map((l) => l.id));
    if ([...this.selected].some((id) => !alive.has(id))) this.selected = new Set([...this.selected].filter((id) => alive.has(id)));
    void this.regenerate(started);
    if (this.keepPlaces) this.laidOut = structureKey(this.graph);
    else if (structureKey(this.graph) !== this.laidOut) void this.layout();
    this.scheduleSave();
  }

  undo(): void {
    const started = performance.now();
    const label = this.history.undo();
    if (label) this.show(`undo ${label}`, started);
  }

  redo(): void {
    const started = performance.now();
    const label = this.history.redo();
    if (label) this.show(`redo ${label}`, started);
  }

  setParam(id: string, name: string, value: ParamValue | undefined): void {
    this.edit(`${id}.${name} = ${value === undefined ? 'default' : formatParam(value)}`, (g) => edits.setParam(g, id, name, value));
  }

  rename(id: string, newId: string): void {
    if (this.edit(`rename ${id} → ${newId}`, (g) => edits.renameLayer(g, id, newId.trim()))) {
      this.positions = Object.fromEntries(Object.entries(this.positions).map(([k, v]) => [k === id ? newId.trim() : k, v]));
      this.laidOut = structureKey(this.graph);
      this.selected = new Set([newId.trim()]);
    }
  }

  /**
   * Adds a layer after the single selected one (or unconnected). One dropped at a point (flow coordinates)
   * lands there instead, fed by the nearest free output above it, and nothing else moves.
   */
  addLayer(type: string, at?: { x: number; y: number }): void {
    if (at) {
      const from = (getSpec(type)?.arity.min ?? 1) > 0 ? nearestFreeOutput(this.graph, this.positions, at) : undefined;
      let id = '';
      this.keepPlaces = true;
      try {
        this.edit(`add ${type}${from ? ` after ${from}` : ''}`, (g) => {
          const added = edits.addLayer(g, type, from);
          id = added.id;
          return added.graph;
        });
      } finally {
        this.keepPlaces = false;
      }
      if (!id) return;
      this.positions = { ...this.positions, [id]: { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 } };
      this.selected = new Set([id]);
      return;
    }
    const after = this.selected.size === 1 ? [...this.selected][0] : undefined;
    let id = '';
    // Layers that take one input go into the chain after the selection; merges (Add, Concat) branch off it.
    const insert = (getSpec(type)?.arity.min ?? 1) === 1;
    this.edit(`add ${type}${after ? ` after ${after}` : ''}`, (g) => {
      const added = edits.addLayer(g, type, after, insert);
      id = added.id;
      return added.graph;
    });
    this.selected = new Set([id]);
  }

  remove(layerIds: string[], edgeList: Array<[string, string]> = []): void {
    if (layerIds.length === 0 && edgeList.length === 0) return;
    const what = [...layerIds, ...edgeList.map(([s, t]) => `${s}→${t}`)].join(', ');
    this.edit(`delete ${what}`, (g) => {
      let next = edgeList.reduce((acc, [s, t]) => edits.disconnect(acc, s, t), g);
      if (layerIds.length) next = edits.removeLayers(next, layerIds);
      return next;
    });
  }

  connect(source: string, target: string): void {
    const type = this.graph.layers.find((l) => l.id === target)?.type;
    const single = type !== undefined && getSpec(type)?.arity.max === 1;
    this.edit(`connect ${source} → ${target}`, (g) => edits.connect(g, source, target, single));
  }

  select(ids: Iterable<string>): void {
    const next = new Set(ids);
    if (next.size !== this.selected.size || [...next].some((id) => !this.selected.has(id))) this.selected = next;
  }

  /** Selects one layer and asks the view to centre it. */
  focus(id: string): void {
    this.select([id]);
    this.focusRequest = { id };
  }

  moveNode(id: string, position: { x: number; y: number }): void {
    this.positions = { ...this.positions, [id]: position };
  }

  // A rating or a note is one deliberate act, not a stream of keystrokes: it is written at once, so a
  // reload right after it cannot lose it.
  setRating(stars: number): Promise<void> {
    this.rating = stars;
    return this.save();
  }

  setNote(note: string): Promise<void> {
    this.note = note;
    return this.save();
  }

  /** Lays the whole graph out again (also bound to Shift+L). */
  async layout(): Promise<void> {
    const graph = this.graph;
    const key = structureKey(graph);
    this.laidOut = key;
    const nodes = graph.layers.map((l) => ({ id: l.id, width: NODE_WIDTH, height: NODE_HEIGHT }));
    const edgeList = graph.layers.flatMap((l) => (l.inputs ?? []).map((i): [string, string] => [i, l.id]));
    const run = ++this.layoutRuns;
    this.layingOut = true;
    try {
      const positions = await layoutWorker.run((api) => api.layout(nodes, edgeList));
      if (structureKey(this.graph) === key) {
        this.positions = positions;
        this.layoutVersion++;
      }
    } catch (error) {
      this.editError = `layout failed: ${(error as Error).message}`;
    } finally {
      if (run === this.layoutRuns) this.layingOut = false;
    }
  }

  showCode(tab: CodeTab): void {
    if (tab === this.codeTab) return;
    this.codeTab = tab;
    void this.regenerate();
  }

  /**
   * Writes the shown tab's code again: on the main thread for designs up to a few hundred layers, in the
   * codegen worker for bigger ones. A newer request's code always wins over an older one's. `editStarted`
   * (an edit's start) times the edit → code latency.
   */
  private async regenerate(editStarted?: number): Promise<void> {
    const request = ++this.codeRequest;
    // The graph is immutable ($state.raw), so it goes to the worker as is: no deep snapshot per keystroke.
    const graph = this.graph;
    const tab = this.codeTab;
    try {
      const live = await (liveCodegen ??= loadLiveCodegen());
      const code =
        graph.layers.length <= live.MAIN_THREAD_CODEGEN_LAYERS ? live.emitLiveCode(graph, tab) : await codegenWorker.run((api) => api.emitLive(graph, tab));
      if (request !== this.codeRequest) return;
      this.code = code;
    } catch (error) {
      if (request !== this.codeRequest) return;
      this.code = { tab, text: '', error: (error as Error).message };
    }
    // Shows up in the browser's performance timeline (and bench/app.ts): edit → the shown tab's code ready.
    if (editStarted !== undefined) performance.measure('paper2net:edit-to-code', { start: editStarted });
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save().catch(() => undefined), 250);
  }

  /** Writes the design to the library now (also called when leaving the editor); rejects when it failed. */
  async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.discarded) return;
    const updatedAt = Math.max(Date.now(), this.basedOn + 1);
    try {
      await this.persist({ ...this.design, graph: this.graph, rating: this.rating, note: this.note, edits: [...this.editLog], updatedAt }, this.basedOn);
      this.basedOn = updatedAt;
      this.saveError = undefined;
    } catch (error) {
      this.saveError = (error as Error).message;
      if ((error as Error).name !== 'LibraryWriteError') this.saveTimer = setTimeout(() => void this.save().catch(() => undefined), SAVE_RETRY_MS);
      throw error;
    }
  }

  /** Drops pending and future saves: the design's paper was deleted. */
  discard(): void {
    this.discarded = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
  }
}
