export { Library, LibraryWriteError, type LibraryChange, type LibraryOptions, type PaperEntry } from './library.ts';
export { libraryFromJson, libraryToJson, LIBRARY_FORMAT, type LibraryFile } from './libraryFile.ts';
export { matchesTitle } from './search.ts';
export type { DamagedRecord } from './triage.ts';
export type { DesignRecord, EditLogEntry, PaperKind, PaperRecord, StoredRegion } from './types.ts';
