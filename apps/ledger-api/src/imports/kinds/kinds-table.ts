import { leafColumnsOf, shapeOf } from './dto-shape';
import type { ImportKind } from './import-kind';

/**
 * The README's table of kinds and their columns, rendered from the kinds themselves (their DTOs),
 * so that a field a route adds or renames shows in the table the day it changes (a spec compares).
 * Columns: path ids first (bold), then the body's; `name?` may be left out or empty; a type is
 * given where a cell is not text: `number`, `true/false`, `list` (items joined with ` | `),
 * `party` (a household reference `hh-…`, or a unit's name).
 */
export function renderKindsTable(kinds: readonly ImportKind[]): string {
  const rows = kinds.map((kind) => {
    const required = new Set(kind.requiredColumns ?? []);
    const parties = new Set(kind.partyColumns ?? []);
    const body = leafColumnsOf(shapeOf(kind.body)).map((leaf) => {
      const type = parties.has(leaf.column) ? 'party' : { string: '', number: 'number', boolean: 'true/false', array: 'list' }[leaf.type];
      const optional = leaf.required || required.has(leaf.column) ? '' : '?';
      return `${leaf.column}${optional}${type === '' ? '' : `: ${type}`}`;
    });
    const columns = [...kind.path.map((id) => `**${id}**`), ...body].join(', ');
    return `| \`${kind.kind}\` | \`${kind.route}\` | ${columns} |`;
  });
  return ['| kind | route | columns |', '|---|---|---|', ...rows].join('\n');
}
