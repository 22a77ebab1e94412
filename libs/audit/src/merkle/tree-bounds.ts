import { AuditError } from '../audit-error';

/**
 * Refuses a tree size that is negative (malformed) or beyond the tree (not grown that far), the
 * two answers an HTTP route tells apart (400 and 404).
 */
export function checkTreeSize(size: bigint, treeSize: bigint): void {
  if (size < 0n) {
    throw new AuditError('AUDIT.INVALID_ARGUMENT', `tree size ${size} is negative`, { size: String(size) });
  }
  if (size > treeSize) {
    throw new AuditError('AUDIT.BEYOND_TREE', `tree size ${size} is beyond the tree (${treeSize})`, {
      size: String(size),
      treeSize: String(treeSize),
    });
  }
}
