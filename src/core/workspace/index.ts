// The workspace model (what the editor, its index, the timeline and the CLI agree "the workspace" is): articles by
// the include/exclude globs, sidecars in both places, the one date rule, the analysis cache, and the user's
// dismissals and "contradicts" relations, over a small file-system port.
export { AnalysisCache } from './analysisCache';
export {
  ALWAYS_EXCLUDE,
  articleMatcher,
  type ArticleGlobs,
  type ArticleMatcher,
  DEFAULT_EXCLUDE,
  DEFAULT_INCLUDE,
  findArticles,
  findSidecars,
  walkFiles,
} from './articles';
export {
  applyJudgements,
  type Judgements,
  type NamedArticle,
  type SidecarRead,
  WorkspaceModel,
  type WorkspaceOptions,
} from './model';
export { dirOf, isWithin, joinPath, nameOf, relativePath } from './paths';
export type { DirEntry, FileError, WorkspaceFs } from './port';
export {
  articleOfSidecar,
  locateSidecar,
  sidecarCandidates,
  type SidecarLocation,
  sidecarPathFor,
  type SidecarPlace,
  withinOf,
} from './sidecars';
