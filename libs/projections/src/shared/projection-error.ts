/**
 * Why a read-model query cannot answer (yet), with stable codes the HTTP layer maps once:
 * - PROJECTION.BEHIND: an as-of position past what the projection has applied (503, retry);
 * - PROJECTION.NOT_INSTALLED: the read model has no such projection (500: a wiring bug);
 * - PROJECTION.QUERY_INVALID: a query argument the domain has no code for (a status, a page size) (400).
 * Malformed regions, years, dates and source levels are refused with the domain's own codes.
 */
export const projectionErrorCodes = ['PROJECTION.BEHIND', 'PROJECTION.NOT_INSTALLED', 'PROJECTION.QUERY_INVALID'] as const;
export type ProjectionErrorCode = (typeof projectionErrorCodes)[number];

export class ProjectionError extends Error {
  constructor(
    readonly code: ProjectionErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ProjectionError';
  }
}
