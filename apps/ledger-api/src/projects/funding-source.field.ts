import { buildMessage, IsInt, IsOptional, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { fiscalYearMax, fiscalYearMin, type FundingSourceRef } from '@ledger/domain';
import { IsEntityId, IsRegionCode } from '../http/validation/domain-value.decorators';
import { NestedObject } from '../http/validation/nested.decorators';

/** The county's integrated pool (统筹整合资金池) of one year. */
export class PoolRefBody {
  @IsRegionCode({ digits: 6 }) countyCode!: string;
  @IsInt() @Min(fiscalYearMin) @Max(fiscalYearMax) fiscalYear!: number;
}

/** Where a funding draws from: `{allocationId}` or `{pool: {countyCode, fiscalYear}}`, exactly one of them. */
export class FundingSourceBody {
  @IsOptional() @IsEntityId() allocationId?: string;
  @IsOptional() @NestedObject(() => PoolRefBody) pool?: PoolRefBody;
}

const sourceKeys = ['allocationId', 'pool'] as const;

function namesOneSource(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const given = sourceKeys.filter((key) => (value as Partial<Record<string, unknown>>)[key] != null);
  return given.length === 1;
}

/**
 * On the `source` property: each key of FundingSourceBody is optional on its own, so that the
 * other may be given; this is what refuses both or neither. The rule is FIELD.REQUIRED, as for a
 * missing field.
 */
export function NamesOneSource(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'FIELD.REQUIRED',
      validator: {
        validate: namesOneSource,
        defaultMessage: buildMessage((each) => `${each}$property must name exactly one of ${sourceKeys.join(', ')}`, options),
      },
    },
    options,
  );
}

/** The source as the domain refers to it; the body was validated to name exactly one. */
export function toFundingSourceRef(source: FundingSourceBody): FundingSourceRef {
  if (source.pool != null) return { kind: 'pool', county: source.pool.countyCode, fiscalYear: source.pool.fiscalYear };
  if (source.allocationId != null) return { kind: 'allocation', allocationId: source.allocationId };
  throw new Error('a funding source reached the handler naming neither an allocation nor the pool');
}
