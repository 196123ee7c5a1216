export * from './operations.ts';
export * from './regions.ts';
export * from './vocabulary.ts';
