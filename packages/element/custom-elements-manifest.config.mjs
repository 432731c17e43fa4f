// Generates custom-elements.json from the element's JSDoc (`@fires`, `@slot`, `@csspart`,
// `@cssprop`, `@attr`). Lit's internal reactive state (`state: true`), private members and
// events the analyzer could only see as a `dispatchEvent` of a typed event are left out: the JSDoc
// `@fires` tags name every event.
function publicOnly() {
  return {
    name: 'fc-relink-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !a.fieldName?.startsWith('_'));
          if (decl.members) decl.members = decl.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected');
          // Only events the JSDoc names: the analyzer mistakes a typed event's detail for a name.
          if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('fc-relink-'));
        }
      }
    },
  };
}

export default {
  globs: ['src/fc-relink.ts', 'src/events.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicOnly()],
};
