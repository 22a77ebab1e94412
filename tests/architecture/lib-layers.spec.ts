import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The libs form layers: a lib imports only the libs below it, by their `@ledger/…` names, and
 * never an app. domain and event-store stand alone (libs/domain/import-graph.spec.ts says more of
 * the domain); projections read the log into tables; audit builds the transparency log and the
 * warnings over both. A cycle here once left a table undefined at module load.
 */
const below: Record<string, readonly string[]> = {
  domain: [],
  'event-store': [],
  projections: ['domain', 'event-store'],
  audit: ['domain', 'event-store', 'projections'],
};
const repoRoot = resolve(__dirname, '..', '..');
const libsRoot = join(repoRoot, 'libs');

/** Why `specifier`, imported by `file` of `lib`, breaks the layers; null when it does not. */
function violation(lib: string, file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) {
    const target = relative(libsRoot, resolve(dirname(file), specifier));
    const targetLib = target.split(sep)[0]!;
    if (target.startsWith('..')) return target.includes(`tests${sep}support`) ? null : 'reaches outside libs';
    return targetLib === lib ? null : `reaches into libs/${targetLib} by path, not by its @ledger name`;
  }
  const named = /^@ledger\/([a-z-]+)/.exec(specifier)?.[1];
  if (named === undefined || named === lib) return null;
  return below[lib]!.includes(named) ? null : `${lib} may import only ${below[lib]!.join(', ') || 'no other lib'}`;
}

function violations(lib: string): string[] {
  const folder = join(libsRoot, lib);
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => {
      const file = join(folder, name);
      return ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map(({ fileName }) => [fileName, violation(lib, file, fileName)] as const)
        .filter(([, reason]) => reason !== null)
        .map(([specifier, reason]) => `libs/${lib}/${name} imports '${specifier}': ${reason}`);
    });
}

describe('the layers of libs/', () => {
  it('knows every lib', () => {
    expect(readdirSync(libsRoot).sort()).toEqual(Object.keys(below).sort());
  });

  it.each(Object.keys(below))('libs/%s imports only the libs below it, by name', (lib) => {
    expect(violations(lib)).toEqual([]);
  });

  it('catches an upward import and a path into another lib', () => {
    const file = join(libsRoot, 'projections', 'src', 'projections.ts');
    expect(violation('projections', file, '@ledger/audit')).toMatch('may import only domain, event-store');
    expect(violation('projections', file, '../../audit/src/warnings/warnings.projection')).toMatch('by path');
    expect(violation('audit', file, '@ledger/projections/testing')).toBeNull();
  });
});
