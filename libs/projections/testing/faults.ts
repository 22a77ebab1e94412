import type { ProjectionFaults } from '../src/runner/apply-page';

/** Fails once, inside the page transaction, when `projection` is about to checkpoint `position` or later. */
export function failOnce(projection: string, position: bigint): ProjectionFaults {
  let failed = false;
  return {
    afterRowsBeforeCheckpoint(name: string, last: bigint) {
      if (failed || name !== projection || last < position) return;
      failed = true;
      throw new Error(`simulated crash before the ${name} checkpoint at ${last}`);
    },
  };
}
