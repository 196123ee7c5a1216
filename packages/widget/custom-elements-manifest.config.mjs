/** `cem analyze` writes custom-elements.json from the components' JSDoc (see the package's build). */

/**
 * Internal reactive state (`_name`, declared with `state: true`) and `#private` members are not
 * part of the public contract.
 */
const dropInternalState = {
  name: 'tafel-drop-internal-state',
  packageLinkPhase({ customElementsManifest }) {
    const internal = (name) => name.startsWith('_') || name.startsWith('#');
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.attributes)
          declaration.attributes = declaration.attributes.filter((a) => !internal(a.name));
        if (declaration.members)
          declaration.members = declaration.members.filter((m) => !internal(m.name));
      }
    }
  },
};

/**
 * `TafelElement` (src/lib/tafel-element.ts) holds the attributes both elements share; it is no
 * element of its own. Each element redeclares those fields with its own JSDoc, so each element is
 * documented as it reads: its attributes in its fields' order, described by its own comments.
 */
const BASE = 'TafelElement';
const foldSharedBase = {
  name: 'tafel-fold-shared-base',
  packageLinkPhase({ customElementsManifest }) {
    const fromBase = (item) => item.inheritedFrom?.name === BASE;
    customElementsManifest.modules = customElementsManifest.modules.filter(
      (module) => !(module.declarations ?? []).some((d) => d.kind === 'class' && d.name === BASE),
    );
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.superclass?.name !== BASE) continue;
        declaration.superclass = { name: 'LitElement', package: 'lit' };
        const members = declaration.members ?? [];
        for (const member of members) if (fromBase(member)) delete member.inheritedFrom;
        const order = (attribute) => members.findIndex((m) => m.name === attribute.fieldName);
        for (const attribute of declaration.attributes ?? []) {
          if (!fromBase(attribute)) continue;
          delete attribute.inheritedFrom;
          const own = members[order(attribute)];
          if (own?.description) attribute.description = own.description;
        }
        declaration.attributes?.sort((a, b) => order(a) - order(b));
      }
    }
  },
};

export default {
  globs: [
    'src/tafel-map.ts',
    'src/tafel-counter.ts',
    'src/tafel-chart.ts',
    'src/tafel-programme.ts',
    'src/tafel-stories.ts',
    'src/lib/tafel-element.ts',
    'src/define.ts',
    'src/chart.ts',
    'src/programme.ts',
    'src/stories.ts',
  ],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [dropInternalState, foldSharedBase],
};
