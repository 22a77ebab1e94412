export * from './project.events';
export * from './project.commands';
export {
  evolveProject,
  initialProjectState,
  lineAvailable,
  type Disbursement,
  type FundingLine,
  type FundingSourceRef,
  type Project,
  type ProjectState,
  type ProjectStatus,
} from './project.state';
export { projectDecider } from './project.decider';
export { requireProject } from './project.guards';
export { projectFactKeys, performanceTargetsMax, type ProjectFactKey } from './project-facts';
