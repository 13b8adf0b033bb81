// Newsmark's engine: pure TypeScript, no `vscode`, no Node built-ins, so it runs anywhere JavaScript does.
export { analyze, createAnalyzer, type Analyzer } from './engine/analyze';
export { findPublicationDate } from './engine/dates';
export { describeDateValue, TYPE_NAMES } from './engine/describe';
export type {
  Analysis,
  AnalyzeOptions,
  Attribution,
  AttributionKind,
  DateMention,
  DateMod,
  Entity,
  EntityType,
  Span,
} from './engine/types';
