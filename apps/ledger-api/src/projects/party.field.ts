import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { DomainError, entityId, type Party, textLengthMax } from '@ledger/domain';

/**
 * How a request names a payee or an asset owner: a unit by its name, as a plain string
 * (`"乡城县交通运输局"`), or a household by its pseudonymous reference alone
 * (`{"householdRef": "hh-513336-0001"}`). The object takes no other key, so a household's name or
 * ID number cannot even be sent beside its reference.
 */
export type PartyBody = string | { readonly householdRef: string };

export function toParty(body: PartyBody): Party {
  return typeof body === 'string' ? { kind: 'unit', name: body } : { kind: 'household', householdRef: body.householdRef };
}

/** Whether the domain takes `value` as an id; its own parser decides, so the two cannot disagree. */
function isEntityId(value: unknown): boolean {
  try {
    entityId(value, 'householdRef');
    return true;
  } catch (error: unknown) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

function isPartyBody(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '' && value.length <= textLengthMax;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'householdRef' && isEntityId((value as { householdRef?: unknown }).householdRef);
}

/**
 * A `PartyBody`. The rule is FIELD.REQUIRED, the code the domain's `party()` refuses with. Only the
 * shape is checked here: a unit's name is scanned for personal data by the domain (422 PII.FORBIDDEN).
 */
export function IsParty(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'FIELD.REQUIRED',
      validator: {
        validate: isPartyBody,
        defaultMessage: buildMessage((each) => `${each}$property must be a unit's name (1–${textLengthMax} characters) or {"householdRef": "<id>"}`, options),
      },
    },
    options,
  );
}
