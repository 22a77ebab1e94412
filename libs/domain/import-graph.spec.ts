import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The domain is pure: it must run anywhere the ledger is replayed (an inspector's laptop, a
 * browser verifying a notice), so `libs/domain/src` and `libs/domain/testing` import nothing of
 * ours outside libs/domain, nothing from Nest, no Node built-in and no database client. The only
 * third-party package in src is decimal.js (money); specs may also use fast-check. This spec
 * itself lives outside both folders, so it may use node. Production files never import the test
 * helpers. Specifiers are read with the TypeScript pre-processor, which sees `import`, `export …
 * from`, `import()` and `require()` and skips comments and strings.
 */
const domainRoot = __dirname;
const checkedFolders = ['src', 'testing'];
const runtimePackages = ['decimal.js'];
const specPackages = ['decimal.js', 'fast-check'];

function isSpec(file: string): boolean {
  return /\.(spec|int-spec|e2e-spec)\.ts$/.test(file);
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Why `specifier`, imported from `file` (relative to libs/domain), is forbidden; null when it is allowed. */
function forbiddenBecause(file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) {
    const target = relative(domainRoot, resolve(domainRoot, dirname(file), specifier));
    if (target.startsWith('..')) return 'reaches outside libs/domain';
    const testHelper = target === 'testing' || target.startsWith(`testing${sep}`);
    if (file.startsWith(`src${sep}`) && !isSpec(file) && testHelper) return 'production code imports the test helpers';
    return null;
  }
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) return 'is a Node built-in';
  if (specifier.startsWith('@ledger/')) return 'is another part of the ledger';
  if (specifier.startsWith('@nestjs/')) return 'is Nest';
  const allowed = isSpec(file) ? specPackages : runtimePackages;
  return allowed.includes(packageName(specifier)) ? null : `is not an allowed package (${allowed.join(', ')})`;
}

function importViolations(file: string, source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map(({ fileName }) => [fileName, forbiddenBecause(file, fileName)] as const)
    .filter(([, reason]) => reason !== null)
    .map(([specifier, reason]) => `${file} imports '${specifier}': ${reason}`);
}

function typeScriptFiles(folder: string): string[] {
  return readdirSync(join(domainRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name))
    .sort();
}

describe('the import graph of libs/domain', () => {
  const files = checkedFolders.flatMap(typeScriptFiles);

  it('finds the domain sources', () => {
    expect(files).toContain(join('src', 'index.ts'));
    expect(files).toContain(join('testing', 'index.ts'));
  });

  it('imports only libs/domain itself, decimal.js, and fast-check in specs', () => {
    const violations = files.flatMap((file) => importViolations(file, readFileSync(join(domainRoot, file), 'utf8')));
    expect(violations).toEqual([]);
  });
});

describe('the import check itself', () => {
  const production = join('src', 'loan', 'loan.decider.ts');
  const spec = join('src', 'loan', 'loan.decider.spec.ts');

  it.each([
    ['../shared/money', production],
    ['decimal.js', production],
    ['../../testing', spec],
    ['fast-check', spec],
    ['../src/shared/decider', join('testing', 'decider-spec.ts')],
  ])("allows '%s' in %s", (specifier, file) => {
    expect(importViolations(file, `import x from '${specifier}';`)).toEqual([]);
  });

  it.each([
    [`import { Injectable } from '@nestjs/common';`, 'is Nest'],
    [`import type { EventStore } from '@ledger/event-store';`, 'is another part of the ledger'],
    [`import { readFileSync } from 'node:fs';`, 'is a Node built-in'],
    [`const crypto = require('crypto');`, 'is a Node built-in'],
    [`const path = await import('path/posix');`, 'is a Node built-in'],
    [`import Database from 'better-sqlite3';`, 'is not an allowed package'],
    [`import fc from 'fast-check';`, 'is not an allowed package'],
    [`export * from '../../../event-store/src';`, 'reaches outside libs/domain'],
    [`import { deciderSpec } from '../../testing';`, 'production code imports the test helpers'],
  ])('names the file and the import in %s', (source, reason) => {
    const [violation] = importViolations(production, source);
    expect(violation).toContain(production);
    expect(violation).toContain(reason);
  });

  it('ignores imports in comments and strings', () => {
    expect(importViolations(production, `// import 'node:fs'\nconst s = "require('pg')";`)).toEqual([]);
  });
});
