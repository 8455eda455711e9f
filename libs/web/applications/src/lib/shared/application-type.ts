import {
  type ApplicationType,
  type Labels,
  currentWorkflow,
} from '@portal/domain';

/** The name of an application type, from its current workflow definition. */
export function typeLabel(type: ApplicationType): Labels {
  return currentWorkflow(type).label;
}
