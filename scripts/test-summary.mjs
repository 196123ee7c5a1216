#!/usr/bin/env node
// Adds up the vitest JSON reports of a CI run and prints one closing line: "N passed, N failed".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.json')) {
      const report = JSON.parse(readFileSync(path, 'utf8'));
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      console.log(
        `${path.slice(root.length + 1)}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
      );
    }
  }
};
walk(root);
if (passed + failed === 0) {
  console.error('No test results were found: nothing ran.');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
