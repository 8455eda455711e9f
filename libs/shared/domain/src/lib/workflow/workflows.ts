import { mapProgrammes } from '../programmes/registry';
import type {
  ApplicationType,
  WorkflowDefinition,
} from './workflow-definition';

/** Every version of every definition, oldest first. Add a version; never edit a shipped one. */
export const WORKFLOW_VERSIONS: {
  readonly [T in ApplicationType]: readonly WorkflowDefinition[];
} = mapProgrammes((programme) => programme.workflows);

/** The definition new applications of a type start on. */
export function currentWorkflow(type: ApplicationType): WorkflowDefinition {
  const versions = WORKFLOW_VERSIONS[type];
  return versions[versions.length - 1] as WorkflowDefinition;
}

/** The definition an application recorded when it started; cases in flight keep theirs. */
export function workflowVersion(
  type: ApplicationType,
  version: number,
): WorkflowDefinition {
  const found = WORKFLOW_VERSIONS[type].find((w) => w.version === version);
  if (!found) throw new Error(`No version ${version} of the ${type} workflow`);
  return found;
}
