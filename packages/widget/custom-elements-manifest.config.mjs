/** `cem analyze` writes custom-elements.json from the components' JSDoc (see the package's build). */

/** Internal reactive state (`_name`, declared with `state: true`) is not part of the public contract. */
const dropInternalState = {
  name: 'tafel-drop-internal-state',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !a.name.startsWith('_'));
        if (declaration.members) declaration.members = declaration.members.filter((m) => !m.name.startsWith('_'));
      }
    }
  },
};

export default {
  globs: ['src/tafel-map.ts', 'src/tafel-counter.ts', 'src/define.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [dropInternalState],
};
