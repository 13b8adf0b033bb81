// The cross-article check: who is quoted where, shared claims, contradictions and the story's timeline.
export * from './crossdoc';
export * from './timeline';
export * from './checkInput';
