#!/usr/bin/env node
// The cluster test (packages/api/test/cluster.pg.test.ts) puts Debian's HAProxy in front of the API.
import { ensureDebianPackage } from './debian-package.mjs';

ensureDebianPackage({
  name: 'haproxy',
  path: process.env.HAPROXY || '/usr/sbin/haproxy',
  variable: 'HAPROXY',
  purpose: 'the cluster test',
});
