/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- a CommonJS preload script, run by node before any TypeScript exists */
// Lets a child process run the TypeScript sources directly (node -r ./swc-register.js child.ts),
// compiled by the same @swc/core that jest uses, so crash tests need no build step.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
