import { refuse } from '../shared/domain-error';
import type { ErrorCode } from '../shared/error-codes';
import type { Project, ProjectState, ProjectStatus } from './project.state';

export function requireProject(state: ProjectState): Project {
  if (state.status === 'none') refuse('PROJECT.NOT_FOUND', 'no such project');
  return state;
}

/** Refuses unless the project is in `expected`; before approval the refusal says so. */
export function requireStatus(project: Project, expected: ProjectStatus, action: string): void {
  if (project.status === expected) return;
  if (project.status === 'listed') refuse('PROJECT.NOT_APPROVED', `project ${project.projectId} cannot ${action} before approval`);
  refuse('PROJECT.INVALID_TRANSITION', `project ${project.projectId} is ${project.status} and cannot ${action}`, { status: project.status });
}

/**
 * New money (a funding line, a disbursement) only moves on an approved project, dated on or after
 * its approval, and never after acceptance: acceptance closes the books of the works. Corrections
 * (reductions, reversals) and reimbursements of what was already paid stay possible after it.
 */
export function requireOpenForNewMoney(project: Project, on: string, beforeApprovalCode: ErrorCode): void {
  if (project.approvedOn === undefined || on < project.approvedOn) {
    refuse(beforeApprovalCode, `project ${project.projectId} was not approved on ${on}`, { approvedOn: project.approvedOn });
  }
  if (project.status === 'accepted') refuse('PROJECT.CLOSED', `project ${project.projectId} was accepted and is closed to new money`);
}
