/** Keeps the layers of architecture.md: a pure domain core, one server, one web app. */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-ours',
      comment: 'src/domain is the pure core: it may not depend on any other folder of ours.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src/(db|server|web|cli|contract)' },
    },
    {
      name: 'domain-does-no-io',
      comment: 'src/domain has no I/O, clock or randomness of its own: no Node built-ins.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-uses-only-pure-libraries',
      comment: 'Only pure computation libraries may enter the domain.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: 'node_modules/(zod|@zxcvbn-ts)/' },
    },
    {
      name: 'contract-is-shared-schema-only',
      comment: 'src/contract holds the HTTP API schemas shared by server and web.',
      severity: 'error',
      from: { path: '^src/contract' },
      to: { path: '^src/(db|server|web|cli)' },
    },
    {
      name: 'web-stays-out-of-server',
      comment: 'The web app talks to the server through the API only.',
      severity: 'error',
      from: { path: '^src/web' },
      to: { path: '^src/(server|db|cli)' },
    },
    {
      name: 'db-below-server',
      severity: 'error',
      from: { path: '^src/db' },
      to: { path: '^src/(server|web|cli)' },
    },
    {
      name: 'server-not-web-or-cli',
      severity: 'error',
      from: { path: '^src/server' },
      to: { path: '^src/(web|cli)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
