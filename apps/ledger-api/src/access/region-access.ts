import { EdgeError } from '../http/edge-error';
import type { Principal } from './principal';

/**
 * Refuses with AUTH.FORBIDDEN_REGION unless `regionCode` lies under the principal's prefix: the
 * finance bureau of 513336 may not post for 341821. Handlers call it once they know the command's
 * region, from the body (`countyCode`) or from the loaded aggregate (the project's village).
 * `regionCode` is a well-formed 6-, 9- or 12-digit code; a county-level principal covers all three
 * forms of its codes, a township-level one does not cover its county.
 */
export function assertRegionAccess(principal: Principal, regionCode: string): void {
  if (!regionCode.startsWith(principal.regionPrefix)) {
    throw new EdgeError(
      'AUTH.FORBIDDEN_REGION',
      `${principal.id} acts for regions under ${principal.regionPrefix === '' ? 'the whole country' : principal.regionPrefix}, not for ${regionCode}`,
    );
  }
}
