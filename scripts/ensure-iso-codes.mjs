#!/usr/bin/env node
// The regions' labels are checked against Debian's iso-codes package (packages/schema/scripts/regions.ts).
import { ensureDebianPackage } from './debian-package.mjs';

const prefix = process.env.ISO_CODES_PREFIX || '/usr/share';
ensureDebianPackage({
  name: 'iso-codes',
  path: `${prefix}/iso-codes/json/iso_3166-2.json`,
  variable: 'ISO_CODES_PREFIX',
  purpose: 'the check of the regions’ labels',
});
