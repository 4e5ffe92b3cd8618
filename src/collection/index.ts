export {
  COLLECTION_FORMAT,
  checkIndex,
  failedEntry,
  layerTypeSummary,
  paperId,
  readEntry,
  sortEntries,
  type CollectionIndex,
  type PaperEntry,
  type PaperFile,
  type PaperReadout,
} from './format.ts';
export { paperInfo, type PaperInfo } from './paperInfo.ts';
export { layerTypeLine, loadCollection, loadPaper, paperBrowser, SORT_KEYS, type LoadedCollection, type PaperBrowser, type SortKey } from './browse.ts';
export { designFromFragment, sharedDesignFragment, SharedLinkError, SHARED_DESIGN_PREFIX } from './sharedDesign.ts';
export { checkReviewFile, REVIEW_FORMAT, withReviews, type DesignReview, type ReviewFile } from './reviews.ts';
export { filesFromZip, loadLocalCollection, type PickedFiles } from './local.ts';
