import { readFileSync } from 'node:fs';
import * as operations from '@tafel/schema';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printContract, schema } from '../src/graphql/schema.ts';
import { contractPath } from '../src/print-schema.ts';

describe('the contract', () => {
  it('packages/schema/schema.graphql is the API’s schema, printed and sorted (run `pnpm --filter @tafel/api schema` after an API change)', () => {
    expect(readFileSync(contractPath, 'utf8')).toBe(printContract());
  });

  it('every typed operation in the contract package is valid against the API', () => {
    const docs = Object.values(operations).filter(
      (v): v is { name: string; document: string } =>
        typeof v === 'object' && v !== null && 'document' in v && 'name' in v,
    );
    expect(docs.length).toBeGreaterThan(3);
    for (const op of docs) {
      const errors = validate(schema, parse(op.document));
      expect(errors.map((e) => `${op.name}: ${e.message}`)).toEqual([]);
    }
  });
});
