import { invariant } from '@ledger/domain';
import type { LogPlace } from '../events/ledger-event';
import { insertRow, type RowProgram } from '../rows/row-ops';
import type { RegionParts } from '../shared/region';
import { metricsTables as t, type AllocationRow, type FactDims, type LoanRow, type Measure, type ProjectRow } from './metrics.tables';

/** Appends the facts of one event, numbered in the order written (the key is position, seq). */
export class FactWriter {
  private seq = 0;

  constructor(private readonly place: LogPlace) {}

  *emit(measure: Measure, dims: FactDims, on: string, value: bigint): RowProgram {
    if (value === 0n) return;
    invariant(/^\d{4}-\d{2}-\d{2}$/.test(on), `fact ${measure} dated ${on}`);
    yield* insertRow(t.facts, { position: this.place.position, seq: this.seq++, measure, ...dims, business_date: on, value });
  }
}

/** An allocation's money before it reaches a project: the county, the allocation's year and kind. */
export function allocationDims(allocation: AllocationRow): FactDims {
  const { county, fiscal_year, fund_type, source_level } = allocation;
  return { county, township: null, village: null, fiscal_year, fund_type, source_level, project_id: null };
}

/** An allocation's money on a project: the allocation's year and kind, the project's place. */
export function moneyOnProjectDims(allocation: AllocationRow, project: ProjectRow): FactDims {
  return { ...placeOf(project), fiscal_year: allocation.fiscal_year, fund_type: allocation.fund_type, source_level: allocation.source_level, project_id: project.project_id };
}

/** A project's own facts (counts, planned investment): its year and place, no fund dimension. */
export function projectDims(project: ProjectRow): FactDims {
  return { ...placeOf(project), fiscal_year: project.fiscal_year, fund_type: null, source_level: null, project_id: project.project_id };
}

export function loanDims(loan: LoanRow): FactDims {
  return { ...placeOf(loan), fiscal_year: null, fund_type: 'micro_credit', source_level: null, project_id: null };
}

/** The county's risk fund, when no allocation is named (a compensation paid out). */
export function riskFundDims(county: string): FactDims {
  return { county, township: null, village: null, fiscal_year: null, fund_type: 'micro_credit', source_level: null, project_id: null };
}

function placeOf(row: RegionParts): RegionParts {
  return { county: row.county, township: row.township, village: row.village };
}
