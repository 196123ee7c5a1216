#!/usr/bin/env node
// The widget's tests run in a real Chromium: Debian's package, never a downloaded browser.
import { ensureDebianPackage } from './debian-package.mjs';

ensureDebianPackage({
  name: 'chromium',
  path: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  variable: 'CHROMIUM_PATH',
  purpose: 'the widget’s browser tests',
});
