// The engine: one article's text in; its entities, dates and attributed claims out (pure, no I/O).
export * from './analyze';
export * from './types';
export * from './describe';
