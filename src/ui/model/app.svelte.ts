/**
 * The app's state and actions: which view is shown, the open paper and its PDF, the running job with
 * its progress and cancel, the library listing, the design being edited, the papers queued to be read
 * and a collection opened from picked files.
 */
import {
  filesFromZip,
  loadLocalCollection,
  type LoadedCollection,
  type PaperEntry as CollectionEntry,
  type PaperFile,
  type PickedFiles,
} from '../../collection/index.ts';
import { GRAPH_FORMAT, serializeGraph, type DesignSource, type Graph } from '../../graph/index.ts';
import {
  batchWorker,
  callbackForWorker,
  CancelledError,
  exportWorker,
  openPdf,
  pipelineWorker,
  startPdfWorker,
  type Bbox,
  type PdfDocumentView,
  type FoundRegion,
  type RegionVerdict,
  type StageDesigns,
  type StageProgress,
} from '../../pipeline/browser.ts';
import { Library, type DamagedRecord, type DesignRecord, type PaperEntry, type PaperRecord } from '../../store/index.ts';
import { download, safeFileName } from './download.ts';
import { EditorSession } from './editorSession.svelte.ts';
import { warmUpLayout } from './layoutWarmUp.ts';
import { PaperQueue } from './paperQueue.svelte.ts';
import { graphThumbnail } from './thumbnail.ts';

export type View = 'library' | 'paper' | 'editor' | 'collection';

export interface Job {
  id: number;
  label: string;
  progress?: StageProgress;
  controller: AbortController;
  started: number;
}

/** A place in the PDF to point at: a layer's or a design's source. */
export interface PdfMark {
  page: number;
  bbox?: Bbox;
  label: string;
}

/** A place on a page the person picked to read: a region the reader outlined, or a box they drew. */
export interface PickedPlace {
  page: number;
  bbox: Bbox;
  /** "Table 2", "page 3 box". */
  label: string;
  caption?: string;
  /** The kind the reader gave the region ("table", "figure:vector"); none for a drawn box. */
  kind?: string;
  verdict?: RegionVerdict;
}

const MODEL_EXTENSIONS = ['.prototxt', '.pbtxt', '.json', '.onnx', '.h5.json'];
const isPdfName = (name: string): boolean => name.toLowerCase().endsWith('.pdf');

function newId(): string {
  return crypto.randomUUID();
}

async function contentHash(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A stage's designs, each taking the id of the provisional design it replaces (same name, same page), so its card
 * is updated in place rather than shown a second time.
 */
function replacing(provisional: DesignRecord[], designs: DesignRecord[]): DesignRecord[] {
  const left = [...provisional];
  return designs.map((design) => {
    const i = left.findIndex((d) => d.graph.name === design.graph.name && d.graph.source?.page === design.graph.source?.page);
    if (i < 0) return design;
    const [replaced] = left.splice(i, 1);
    return { ...design, id: replaced!.id };
  });
}

function titleFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ');
}

export class AppState {
  #view = $state<View>('library');
  private libraryStale = false;

  get view(): View {
    return this.#view;
  }

  set view(next: View) {
    this.#view = next;
    if (next === 'library' && this.libraryStale) {
      this.libraryStale = false;
      void this.refreshLibrary();
    }
  }
  entries = $state.raw<PaperEntry[]>([]);
  /** Stored records that fail their check or lost their paper: left out of the listing and of exports. */
  damaged = $state.raw<DamagedRecord[]>([]);
  query = $state('');
  paper = $state.raw<PaperRecord | undefined>();
  designs = $state.raw<DesignRecord[]>([]);
  pdf = $state.raw<PdfDocumentView | undefined>();
  job = $state.raw<Job | undefined>();
  error = $state<string | undefined>();
  notice = $state<string | undefined>();
  session = $state.raw<EditorSession | undefined>();
  mark = $state.raw<PdfMark | undefined>();
  /** The paper whose designs are being read right now. */
  readingPaperId = $state<string | undefined>();
  /** The regions of the paper being read, with the verdicts its finished stages gave (empty until the first stage ends). */
  readingRegions = $state.raw<FoundRegion[]>([]);
  /** Whether the reading of that paper has ended a stage yet (tables and text come first). */
  readingStageEnded = $state(false);
  /**
   * Designs on screen read from a table as soon as its page was read, before the whole paper: not stored, not
   * opened; the paper's first stage replaces them (each by the same design read with the whole paper known).
   */
  provisionalIds = $state.raw<ReadonlySet<string>>(new Set());
  /** A paper on screen whose reading was cancelled or failed (not in the library). */
  unreadPaperId = $state<string | undefined>();
  /** The place on a page the person picked to read on demand. */
  picked = $state.raw<PickedPlace | undefined>();
  /** Dragging on a page draws a box to read (instead of scrolling and clicking). */
  drawing = $state(false);
  /** Papers dropped many at once, read one after another into the library; the batch worker goes when they are done. */
  readonly queue = new PaperQueue(
    (file, signal, onProgress) => this.readQueued(file, signal, onProgress),
    () => batchWorker.terminate(),
  );
  /** A collection opened from a picked folder or ZIP, shown in the collection view. */
  collection = $state.raw<{ location: string; loading: Promise<LoadedCollection> }>();

  private library!: Library;
  private jobCount = 0;

  async start(): Promise<void> {
    this.library = await Library.open('paper2net', {
      onVersionChange: () => (this.error = 'paper2net was opened in a newer version in another tab: reload this tab to keep working'),
      // Another tab wrote: the listing shows it (the open design is guarded by saveDesign's version check).
      onChange: () => (this.view === 'library' ? void this.refreshLibrary() : (this.libraryStale = true)),
    });
    void Library.persist();
    await this.refreshLibrary();
    // The pipeline worker loads a few MB of code, the pdf.js worker that shows pages one more: start them now, so
    // a paper dropped later is read and shown at once.
    setTimeout(() => {
      pipelineWorker.warmUp();
      startPdfWorker();
    }, 0);
  }

  async refreshLibrary(): Promise<void> {
    [this.entries, this.damaged] = await Promise.all([this.library.list(this.query), this.library.damaged()]);
  }

  async search(query: string): Promise<void> {
    this.query = query;
    await this.refreshLibrary();
  }

  private async runJob<T>(label: string, work: (job: Job) => Promise<T>): Promise<T | undefined> {
    this.job?.controller.abort();
    const job: Job = { id: ++this.jobCount, label, controller: new AbortController(), started: performance.now() };
    this.job = job;
    this.error = undefined;
    try {
      return await work(job);
    } catch (error) {
      if (error instanceof CancelledError) this.notice = `${label}: cancelled`;
      else this.error = `${label}: ${(error as Error).message}`;
      return undefined;
    } finally {
      if (this.job?.id === job.id) this.job = undefined;
    }
  }

  cancelJob(): void {
    this.job?.controller.abort();
  }

  /** Opens a dropped or picked file: a PDF is read for designs, a model file becomes one design. */
  async openFile(file: File): Promise<void> {
    // Callers do not await this: a failure (a full disk refusing the paper) is shown here, never lost.
    try {
      await this.openFileUnguarded(file);
    } catch (error) {
      this.error = `${file.name}: ${(error as Error).message}`;
    }
  }

  /**
   * Files dropped or picked together. One file opens as openFile does (a ZIP: as a collection); several, or a
   * folder's, have their PDFs queued to be read into the library, the list of them shown in the library view.
   */
  openFiles(files: readonly File[], fromFolder = false): void {
    const [only] = files;
    if (only && files.length === 1 && !fromFolder) {
      if (only.name.toLowerCase().endsWith('.zip')) this.openCollectionZip(only);
      else void this.openFile(only);
      return;
    }
    const pdfs = files.filter((file) => isPdfName(file.name));
    const left = files.length - pdfs.length;
    const leftOut = left ? `${left} file${left === 1 ? '' : 's'} that ${left === 1 ? 'is' : 'are'} not a PDF left out` : '';
    if (!pdfs.length) {
      this.error = `Nothing to read: ${leftOut || 'no files'}`;
      return;
    }
    this.queue.add(pdfs);
    this.view = 'library';
    this.notice = `${pdfs.length} paper${pdfs.length === 1 ? '' : 's'} queued to be read${leftOut ? `; ${leftOut}` : ''}`;
  }

  /** Reads one queued paper whole in the batch's worker and stores it with its designs (page crops as thumbnails). */
  private async readQueued(file: File, signal: AbortSignal, onProgress: (progress: StageProgress) => void): Promise<{ designs: number; remark?: string }> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const hash = await contentHash(bytes);
    const known = await this.paperWithContent(hash);
    if (known) {
      const designs = (await this.library.list()).find((e) => e.paper.id === known.id)?.designs.length ?? 0;
      return { designs, remark: `already in the library as “${known.title}”` };
    }
    const pdf = await openPdf(bytes).catch((error: Error) => {
      throw new Error(`cannot open this PDF (${error.message})`);
    });
    try {
      const graphs: Graph[] = [];
      const keep = (stage: StageDesigns): void => void graphs.push(...stage.designs);
      const reading = await batchWorker.run((api) => api.readPaper(bytes, callbackForWorker(onProgress), callbackForWorker(keep)), signal);
      const paper: PaperRecord = {
        id: newId(),
        title: (await pdf.title().catch(() => undefined)) || titleFromFileName(file.name),
        fileName: file.name,
        kind: 'pdf',
        addedAt: Date.now(),
        bytes,
        contentHash: hash,
        regions: reading.regions,
        warnings: reading.warnings,
      };
      const designs = await Promise.all(graphs.map((graph) => this.newDesign(paper.id, graph, pdf)));
      await this.library.addPaper(paper, designs);
      if (this.view === 'library') await this.refreshLibrary();
      else this.libraryStale = true;
      return { designs: designs.length };
    } finally {
      void pdf.destroy().catch(() => undefined);
    }
  }

  /** Shows a collection from a picked folder's files (`source`: the folder's name). */
  openCollection(files: PickedFiles, source: string): void {
    this.collection = { location: source, loading: loadLocalCollection(files, source) };
    this.view = 'collection';
  }

  openCollectionZip(file: File): void {
    const loading = file.arrayBuffer().then(async (zip) => loadLocalCollection(await filesFromZip(new Uint8Array(zip), file.name), file.name));
    this.collection = { location: file.name, loading };
    this.view = 'collection';
  }

  /**
   * Opens a collection's paper whose PDF it holds in the paper view: the PDF joins the library with the designs and
   * regions the collection read from it (not read again); a paper already in the library is opened as it is there.
   */
  async openCollectionPaper(entry: CollectionEntry, found: PaperFile, readPdf: () => Promise<Uint8Array>): Promise<void> {
    try {
      const bytes = await readPdf();
      const known = await this.paperWithContent(entry.sha256);
      if (known) {
        await this.openPaper(known.id);
        this.notice = `${entry.file} is already in the library as “${known.title}”: opened it`;
        return;
      }
      await this.closeEditor();
      const pdf = await openPdf(bytes);
      const paper: PaperRecord = {
        id: newId(),
        title: entry.title,
        fileName: entry.file,
        kind: 'pdf',
        addedAt: Date.now(),
        bytes,
        contentHash: entry.sha256,
        regions: found.regions,
        warnings: found.warnings,
      };
      const designs = await Promise.all(found.designs.map((graph) => this.newDesign(paper.id, graph, pdf)));
      await this.library.addPaper(paper, designs);
      await this.showPaper(paper, designs, pdf);
      this.notice = `${entry.file}: ${designs.length} design${designs.length === 1 ? '' : 's'} from the collection, kept in the library`;
    } catch (error) {
      this.error = `${entry.file}: ${(error as Error).message}`;
    }
  }

  /** A design from elsewhere (a shared link, a collection) opened like a graph file: into the library and the editor. */
  openGraph(graph: Graph): Promise<void> {
    return this.openFile(new File([serializeGraph(graph)], `${safeFileName(graph.name, 'shared-design')}.json`, { type: 'application/json' }));
  }

  private async openFileUnguarded(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const lower = file.name.toLowerCase();
    if (lower.endsWith('.pdf') || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
      await this.readPaper(file.name, bytes);
    } else if (MODEL_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
      warmUpLayout();
      await this.openModel(file.name, bytes);
    } else {
      this.error = `${file.name}: not a PDF, .prototxt, Keras/paper2net .json or .onnx file`;
    }
  }

  /** The library's paper with these bytes (papers stored before hashes were kept are hashed here). */
  private async paperWithContent(hash: string): Promise<PaperRecord | undefined> {
    for (const { paper } of await this.library.list()) {
      if (paper.kind !== 'pdf' || !paper.bytes) continue;
      if ((paper.contentHash ?? (await contentHash(paper.bytes))) === hash) return paper;
    }
    return undefined;
  }

  /** Shows the pages at once, reads the designs in the pipeline worker, then stores paper and designs. */
  private async readPaper(fileName: string, bytes: Uint8Array, again = false): Promise<void> {
    const hash = await contentHash(bytes);
    const known = again ? undefined : await this.paperWithContent(hash);
    if (known) {
      warmUpLayout();
      await this.openPaper(known.id);
      this.notice = `${fileName} is already in the library as “${known.title}”: opened it`;
      return;
    }
    await this.closeEditor();
    const draft: PaperRecord = {
      id: newId(),
      title: titleFromFileName(fileName),
      fileName,
      kind: 'pdf',
      addedAt: Date.now(),
      bytes,
      contentHash: hash,
      regions: [],
      warnings: [],
    };
    // The worker starts reading while pdf.js opens the document for display: neither waits for the other.
    const shown = openPdf(bytes).then(async (pdf) => {
      await this.showPaper(draft, [], pdf);
      return pdf;
    });
    const reading = this.readDesigns(draft, shown);
    try {
      await shown;
    } catch (error) {
      this.cancelJob();
      await reading;
      this.notice = undefined;
      this.error = `${fileName}: cannot open this PDF (${(error as Error).message})`;
      return;
    }
    await reading;
  }

  /** Reads the designs of a paper in the pipeline worker, storing and showing each stage's designs as it ends. */
  private async readDesigns(draft: PaperRecord, shown: Promise<PdfDocumentView>): Promise<void> {
    const { fileName, bytes } = draft;
    if (!bytes) return;
    this.readingPaperId = draft.id;
    this.readingRegions = [];
    this.readingStageEnded = false;
    const title = shown.then((pdf) => pdf.title()).catch(() => undefined);
    // Each stage's designs are stored and shown as the stage ends; the paper enters the library with the first.
    let paper = draft;
    let stored = false;
    let stages: string[] = [];
    let delivered = Promise.resolve();
    // The provisional designs of this reading on screen (this.provisionalIds while its paper is shown).
    let provisional = new Set<string>();
    this.provisionalIds = provisional;
    const onScreen = (): boolean => this.paper?.id === paper.id;
    const showProvisional = (graphs: Graph[]): Promise<void> => {
      delivered = delivered.then(async () => {
        await shown;
        if (!onScreen() || stages.length) return;
        const designs = await Promise.all(graphs.map((graph) => this.newDesign(paper.id, graph)));
        if (!this.designs.length) this.markFirst(designs);
        provisional = new Set([...provisional, ...designs.map((d) => d.id)]);
        this.provisionalIds = provisional;
        this.designs = [...this.designs, ...designs];
      });
      return delivered;
    };
    const keep = (batch: StageDesigns): Promise<void> => {
      delivered = delivered.then(async () => {
        const pdf = await shown;
        stages = [...stages, batch.stage];
        paper = { ...paper, regions: batch.regions };
        // On screen at once, drawn from the graph; the crop of the page replaces that before they are stored.
        const read = await Promise.all(batch.designs.map((graph) => this.newDesign(paper.id, graph)));
        const designs = onScreen()
          ? replacing(
              this.designs.filter((d) => provisional.has(d.id)),
              read,
            )
          : read;
        if (onScreen()) {
          this.paper = paper;
          this.readingRegions = batch.regions;
          this.readingStageEnded = true;
          const found = this.designs.filter((d) => !provisional.has(d.id));
          if (designs.length && !found.length) {
            if (!this.designs.length) this.markFirst(designs);
            // The editor is next: ELK warms up now, not while the paper is read (it took one of two cores from that).
            warmUpLayout();
          }
          this.designs = [...found, ...designs];
          provisional = new Set();
          this.provisionalIds = provisional;
        }
        const painted = await Promise.all(designs.map((d) => this.withCrop(d, pdf)));
        paper = { ...paper, title: (await title) || paper.title };
        if (painted.length || stored) {
          await this.library.addPaper(paper, painted);
          stored = true;
        }
        if (this.paper?.id !== paper.id) return;
        this.paper = paper;
        this.designs = this.designs.map((d) => painted.find((p) => p.id === d.id) ?? d);
      });
      return delivered;
    };
    const result = await this.runJob(`Reading ${fileName}`, (job) => {
      const onProgress = (progress: StageProgress): void => {
        if (this.job?.id === job.id) this.job = { ...this.job, progress };
      };
      return pipelineWorker.run(
        (api) => api.readPaper(bytes, callbackForWorker(onProgress), callbackForWorker(keep), callbackForWorker(showProvisional)),
        job.controller.signal,
      );
    });
    await delivered.catch((error: unknown) => (this.error = `${fileName}: ${(error as Error).message}`));
    this.readingPaperId = undefined;
    // A reading stopped before its first stage ended leaves no provisional designs behind: nothing would replace them.
    if (provisional.size && onScreen()) {
      this.designs = this.designs.filter((d) => !provisional.has(d.id));
      this.provisionalIds = new Set();
    }
    if (!result && !stored) {
      if (this.paper?.id === draft.id) this.unreadPaperId = draft.id;
      return;
    }
    // A reading stopped part way keeps what its finished stages found, and says what was not read.
    const stopped = result ? [] : [`reading stopped after ${stages.join(', ') || 'no stage'}: the rest of the paper was not read`];
    paper = { ...paper, ...(result ? { regions: result.regions } : {}), warnings: [...stopped, ...(result?.warnings ?? [])] };
    await this.library.addPaper(paper, []);
    if (this.paper?.id === paper.id) this.paper = paper;
    await this.refreshLibrary();
    const found = this.paper?.id === paper.id ? this.designs.length : undefined;
    if (result && found !== undefined) this.notice = `${found} design${found === 1 ? '' : 's'} found in ${fileName}`;
  }

  /** Takes the reader to the first of the designs found. */
  private markFirst(designs: DesignRecord[]): void {
    const first = designs.find((d) => d.graph.source?.page)?.graph;
    if (first?.source?.page) this.mark = { page: first.source.page, bbox: first.source.bbox, label: first.name };
  }

  private async openModel(fileName: string, bytes: Uint8Array): Promise<void> {
    // The design on screen leaves at once: its Download ZIP would export the old design, and that export
    // job would cancel this one (one job at a time), losing the file being opened.
    await this.closeEditor();
    const graph = await this.runJob(`Opening ${fileName}`, (job) => pipelineWorker.run((api) => api.openModel(bytes, fileName), job.controller.signal));
    if (!graph) return;
    const paper: PaperRecord = {
      id: newId(),
      title: graph.name || titleFromFileName(fileName),
      fileName,
      kind: 'model',
      addedAt: Date.now(),
      regions: [],
      warnings: graph.warnings ?? [],
    };
    const design = await this.newDesign(paper.id, { ...graph, source: graph.source ?? { kind: 'import', file: fileName } });
    await this.library.addPaper(paper, [design]);
    await this.showPaper(paper, [design], undefined);
    await this.openDesign(design.id);
  }

  /** Thumbnails of places in a PDF, painted once per place: a table often gives several designs (VGG's A–E). */
  private crops = new WeakMap<PdfDocumentView, Map<string, Promise<string | undefined>>>();

  private cropOf(pdf: PdfDocumentView, page: number, bbox: Bbox): Promise<string | undefined> {
    const known = this.crops.get(pdf) ?? new Map<string, Promise<string | undefined>>();
    this.crops.set(pdf, known);
    const key = `${page}:${bbox.join(',')}`;
    if (!known.has(key))
      known.set(
        key,
        pdf.renderCrop(page, bbox, 240).catch(() => undefined),
      );
    return known.get(key)!;
  }

  /** A new design record; its thumbnail is the crop of its place in `pdf` when it has one, else a drawing of the graph. */
  private async newDesign(paperId: string, graph: Graph, pdf?: PdfDocumentView): Promise<DesignRecord> {
    const design: DesignRecord = {
      id: newId(),
      paperId,
      original: graph,
      graph,
      rating: 0,
      note: '',
      edits: [],
      updatedAt: Date.now(),
      thumbnail: graphThumbnail(graph),
    };
    return pdf ? this.withCrop(design, pdf) : design;
  }

  private async withCrop(design: DesignRecord, pdf: PdfDocumentView): Promise<DesignRecord> {
    const source = design.graph.source;
    const crop = source?.page && source.bbox ? await this.cropOf(pdf, source.page, source.bbox) : undefined;
    return crop ? { ...design, thumbnail: crop } : design;
  }

  /** Picks a place to read; a drawn box ends drawing mode. */
  pick(place: PickedPlace | undefined): void {
    this.picked = place;
    this.drawing = false;
  }

  /**
   * Reads the picked place as a table or a figure and opens what was read in the editor, whatever its
   * confidence (the person asked); when nothing was read, a design with just an input, to start from.
   */
  async readPicked(as: 'table' | 'figure'): Promise<void> {
    const paper = this.paper;
    const place = this.picked;
    if (!paper?.bytes || !place) return;
    const bytes = paper.bytes;
    const request = { page: place.page, bbox: place.bbox, as, label: place.label, ...(place.caption ? { caption: place.caption } : {}) };
    const reading = await this.runJob(`Reading ${place.label} as a ${as}`, (job) =>
      pipelineWorker.run((api) => api.readRegion(bytes, paper.id, request), job.controller.signal),
    );
    if (!reading) return;
    const source: DesignSource = { page: place.page, kind: as, bbox: place.bbox, ...(place.caption ? { caption: place.caption } : {}) };
    const graphs = reading.designs.length ? reading.designs : [startingGraph(`${place.label} (nothing read as a ${as})`, source)];
    const designs = await this.addDesigns(graphs.map((g) => ({ ...g, warnings: [`read on request as a ${as}: ${reading.note}`, ...(g.warnings ?? [])] })));
    this.notice = `${place.label} read as a ${as}: ${reading.note}`;
    if (designs[0]) await this.openDesign(designs[0].id);
  }

  /** A new design of the paper on screen, holding just an input (at the picked place, if any). */
  async newEmptyDesign(): Promise<void> {
    const place = this.picked;
    const source: DesignSource = place ? { page: place.page, kind: 'user', bbox: place.bbox } : { kind: 'user' };
    const [design] = await this.addDesigns([startingGraph(`New design ${this.designs.length + 1}`, source)]);
    if (design) await this.openDesign(design.id);
  }

  /** A copy of a design (its reading as it is now) to edit apart, with the same source. */
  async startFrom(design: DesignRecord): Promise<void> {
    const [copy] = await this.addDesigns([{ ...design.graph, name: `${design.graph.name} (my reading)` }]);
    if (copy) await this.openDesign(copy.id);
  }

  /** Stores new designs of the paper on screen, and the paper with them if the library does not hold it yet. */
  private async addDesigns(graphs: Graph[]): Promise<DesignRecord[]> {
    const paper = this.paper;
    if (!paper) return [];
    const designs = await Promise.all(graphs.map((graph) => this.newDesign(paper.id, graph, this.pdf)));
    if (await this.library.getPaper(paper.id)) await Promise.all(designs.map((d) => this.library.saveDesign(d)));
    else await this.library.addPaper(paper, designs);
    if (this.unreadPaperId === paper.id) this.unreadPaperId = undefined;
    this.designs = [...this.designs, ...designs];
    this.libraryStale = true;
    return designs;
  }

  /** Reads the paper on screen again after a cancelled or failed reading. */
  async readAgain(): Promise<void> {
    const paper = this.paper;
    if (paper?.bytes && this.unreadPaperId === paper.id) await this.readPaper(paper.fileName, paper.bytes, true);
  }

  private async showPaper(paper: PaperRecord, designs: DesignRecord[], pdf: PdfDocumentView | undefined): Promise<void> {
    this.unreadPaperId = undefined;
    this.picked = undefined;
    this.drawing = false;
    // The old document is let go without waiting: its worker may still be painting crops for the last reading.
    if (this.pdf && this.pdf !== pdf) void this.pdf.destroy().catch(() => undefined);
    this.paper = paper;
    this.designs = designs;
    this.pdf = pdf;
    this.mark = undefined;
    this.view = pdf ? 'paper' : this.view;
    await this.refreshLibrary();
  }

  /** Opens a paper from the library (re-opening its PDF for the paper view). */
  async openPaper(paperId: string): Promise<void> {
    if (this.paper?.id === paperId && (this.pdf || this.paper.kind !== 'pdf')) {
      this.view = this.paper.kind === 'pdf' ? 'paper' : this.view;
      return;
    }
    await this.closeEditor();
    const entry = this.entries.find((e) => e.paper.id === paperId);
    const paper = entry?.paper ?? (await this.library.getPaper(paperId));
    if (!paper) return;
    const designs = entry?.designs ?? (await this.library.list()).find((e) => e.paper.id === paperId)?.designs ?? [];
    const pdf = paper.bytes ? await openPdf(paper.bytes) : undefined;
    await this.showPaper(paper, designs, pdf);
  }

  async openDesign(designId: string): Promise<void> {
    if (this.session?.id === designId) {
      this.view = 'editor';
      return;
    }
    const design = await this.library.getDesign(designId);
    if (!design) return;
    if (this.paper?.id !== design.paperId) await this.openPaper(design.paperId);
    await this.closeEditor();
    this.session = new EditorSession(design, (d, basedOn) => this.saveDesign(d, basedOn));
    this.view = 'editor';
  }

  /** Opens a design in the editor with one layer selected (from a click on its source in the PDF). */
  async openLayer(designId: string, layerId: string): Promise<void> {
    await this.openDesign(designId);
    this.session?.focus(layerId);
  }

  /** Awaited by every caller; a refused or failed write is shown and rethrown (the editor retries what can be). */
  private async saveDesign(design: DesignRecord, basedOn?: number): Promise<void> {
    try {
      await this.library.saveDesign(design, basedOn);
    } catch (error) {
      this.error = `Saving ${design.graph.name}: ${(error as Error).message}`;
      throw error;
    }
    this.designs = this.designs.map((d) => (d.id === design.id ? design : d));
    // The listing reads every paper back from IndexedDB: refresh it only where it is shown.
    if (this.view === 'library') await this.refreshLibrary();
    else this.libraryStale = true;
  }

  async closeEditor(): Promise<void> {
    await this.session?.save().catch(() => undefined);
    this.session = undefined;
  }

  /** Builds the ZIP or ONNX file of the open design in the export worker (cancellable) and downloads it. */
  async exportDesign(kind: 'zip' | 'onnx'): Promise<void> {
    const session = this.session;
    if (!session) return;
    const graph = session.graph;
    const label = kind === 'zip' ? `Building ${graph.name}.zip` : `Building ${graph.name}.onnx`;
    const name = safeFileName(graph.name);
    if (kind === 'onnx') {
      const onnx = await this.runJob(label, (job) => exportWorker.run((api) => api.onnx(graph), job.controller.signal));
      if (!onnx) return;
      download(`${name}.onnx`, onnx.bytes, 'application/octet-stream');
      if (onnx.placeholder) this.notice = onnx.placeholder;
      return;
    }
    const zip = await this.runJob(label, (job) => exportWorker.run((api) => api.zip(graph), job.controller.signal));
    if (!zip) return;
    download(`${name}.zip`, zip.bytes, 'application/zip');
    if (zip.placeholder) this.notice = zip.placeholder;
  }

  /** Shows where something came from in the PDF. */
  async reveal(mark: PdfMark): Promise<void> {
    if (!this.pdf) return;
    this.mark = mark;
    this.view = 'paper';
  }

  async deletePaper(paperId: string): Promise<void> {
    // A pending autosave would write the design back after the paper is gone.
    if (this.session?.design.paperId === paperId) {
      this.session.discard();
      this.session = undefined;
    }
    if (this.paper?.id === paperId) {
      await this.pdf?.destroy();
      this.paper = undefined;
      this.pdf = undefined;
      this.designs = [];
    }
    await this.library.deletePaper(paperId);
    await this.refreshLibrary();
  }

  async updateDesign(design: DesignRecord, patch: Partial<Pick<DesignRecord, 'rating' | 'note'>>): Promise<void> {
    if (this.session?.id === design.id) {
      if (patch.rating !== undefined) await this.session.setRating(patch.rating).catch(() => undefined);
      if (patch.note !== undefined) await this.session.setNote(patch.note).catch(() => undefined);
      return;
    }
    // A rating or note touches only its own field: it goes onto the design as stored now, not onto the copy
    // the list shows, which an autosave that landed after the list was read has made stale (that copy's
    // updatedAt would be refused as "changed in another tab", and the note lost).
    const stored = (await this.library.getDesign(design.id)) ?? design;
    await this.saveDesign({ ...stored, ...patch, updatedAt: Math.max(Date.now(), stored.updatedAt + 1) }, stored.updatedAt).catch(() => undefined);
  }

  exportLibrary(): Promise<string> {
    return this.library.exportJson();
  }

  /** The damaged records as they are stored, with the reason for each, for someone to mend by hand. */
  exportDamaged(): string {
    return JSON.stringify({ damaged: this.damaged.map(({ store, reason, record }) => ({ store, reason, record })) }, null, 2);
  }

  async deleteDamaged(): Promise<void> {
    try {
      const count = await this.library.deleteDamaged();
      this.notice = `Deleted ${count} damaged record${count === 1 ? '' : 's'}`;
    } catch (error) {
      this.error = `Deleting damaged records: ${(error as Error).message}`;
    }
    await this.refreshLibrary();
  }

  async importLibrary(file: File): Promise<void> {
    try {
      const count = await this.library.importJson(await file.text());
      this.notice = `Imported ${count} paper${count === 1 ? '' : 's'} from ${file.name}`;
      await this.refreshLibrary();
    } catch (error) {
      this.error = `${file.name}: ${(error as Error).message}`;
    }
  }
}

/** A graph holding just an input: where a design the paper did not give starts. */
function startingGraph(name: string, source: DesignSource): Graph {
  return { format: GRAPH_FORMAT, name, layers: [{ id: 'input', type: 'Input', params: { shape: [224, 224, 3] } }], source };
}
