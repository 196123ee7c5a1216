// A tool the tests need from Debian (never a download from elsewhere): installs the package when
// the binary is missing and we may (root with apt-get); otherwise says how, and exits.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** `path`: the binary; `variable`: the environment variable that may name another one. */
export function ensureDebianPackage({ name, path, variable, purpose }) {
  if (existsSync(path)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(`${purpose} needs ${name}, which was not found at ${path}.
Install Debian's package (sudo apt-get install -y ${name}), or set ${variable} to another ${name} binary.`);
    process.exit(1);
  }
  console.log(`Installing Debian’s ${name} for ${purpose} (once)…`);
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${name} >/dev/null`,
    { stdio: 'inherit', shell: '/bin/bash' },
  );
  if (!existsSync(path)) {
    console.error(`apt-get finished but ${path} is still missing.`);
    process.exit(1);
  }
}
