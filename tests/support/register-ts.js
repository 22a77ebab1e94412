'use strict';
/**
 * Lets a spawned process run TypeScript from source, as Jest does, for tests that need a real
 * child process (crash, CLI, HTTP): `node --require tests/support/register-ts.js child.ts`.
 * Each .ts file is transpiled alone (no type check: the test run's tsc does that), and the
 * `@ledger/*` aliases resolve from tsconfig.json `paths`, the one place they are defined.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
// CommonJS, like the build; inline source maps so stack traces point into the .ts files.
const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true };
const aliases = new Map(Object.entries(config.compilerOptions.paths ?? {}).map(([alias, [target]]) => [alias, path.join(root, target)]));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
