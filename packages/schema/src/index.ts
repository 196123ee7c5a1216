export * from './operations.ts';
export * from './vocabulary.ts';
