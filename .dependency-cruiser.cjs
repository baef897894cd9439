/**
 * Import boundaries, checked by `npm run check` (depcruise). A violation fails the check;
 * tests/unit/meta/layering.test.ts proves that with a deliberately bad import.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'ui-not-background',
      comment: 'UI (components and page entrypoints) talks to the background over runtime ports and messages, never by importing it.',
      severity: 'error',
      from: { path: '^extension/(components|entrypoints/(popup|track|options|devtools|devtools-panel))/' },
      to: { path: '^extension/background/' },
    },
    {
      name: 'background-not-ui',
      comment: 'The background runs without a DOM: no React components, no UI text modules.',
      severity: 'error',
      from: { path: '^extension/background/' },
      to: { path: ['^extension/components/', '\\.(tsx|css)$'] },
    },
    {
      name: 'registry-not-resolver',
      comment: 'The registry stores tracks; the resolver uses it, not the other way round.',
      severity: 'error',
      from: { path: '^native-host/registry/' },
      to: { path: '^native-host/resolver/' },
    },
    {
      name: 'log-not-media',
      comment: 'The logger is below everything that logs; it must not depend on the media pipeline.',
      severity: 'error',
      from: { path: '^native-host/log(/|\\.ts$)' },
      to: { path: '^native-host/media/' },
    },
    {
      name: 'extension-not-host',
      comment: 'Two processes: the extension shares code with the host only through shared/.',
      severity: 'error',
      from: { path: '^extension/' },
      to: { path: '^native-host/' },
    },
    {
      name: 'host-not-extension',
      comment: 'Two processes: the host shares code with the extension only through shared/.',
      severity: 'error',
      from: { path: '^native-host/' },
      to: { path: '^extension/' },
    },
    {
      name: 'shared-standalone',
      comment: 'shared/ is imported by both processes, so it imports neither.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(extension|native-host)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt|dist)/' },
    // Type-only imports count: a type import still ties one layer to another.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
