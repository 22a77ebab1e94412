import { refuse } from '../shared/domain-error';
import { assertNoPersonalData } from '../shared/personal-data';
import { entityId, requiredText } from '../shared/reference-data';
import type { Party } from './project.events';

/**
 * Validates a payee or owner and rebuilds it from its known fields only, so that nothing a client
 * adds (a household's name beside its reference) can reach an event. A household is named by its
 * pseudonymous reference, which has the shape of an id and so cannot hold a name.
 */
export function party(input: Party, field: string): Party {
  switch (input?.kind) {
    case 'unit': {
      const name = requiredText(input.name, `${field}.name`);
      assertNoPersonalData({ [field]: name });
      return { kind: 'unit', name };
    }
    case 'household':
      return { kind: 'household', householdRef: entityId(input.householdRef, `${field}.householdRef`) };
    default:
      return refuse('FIELD.REQUIRED', `${field} is a unit or a household`, { field });
  }
}
