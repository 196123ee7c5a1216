export * from './vocabulary.ts';
export * from './operations.ts';
