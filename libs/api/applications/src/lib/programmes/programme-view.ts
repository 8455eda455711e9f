import type { ProgrammeView } from '@portal/contracts';
import {
  currentWorkflow,
  programmeOf,
  type ApplicationType,
} from '@portal/domain';
import { formJsonSchema } from './form-json-schema';

export function programmeView(type: ApplicationType): ProgrammeView {
  const programme = programmeOf(type);
  const workflow = currentWorkflow(type);
  return {
    type,
    label: workflow.label,
    policy: workflow.policy,
    workflowVersion: workflow.version,
    referencePrefix: programme.referencePrefix,
    capabilities: workflow.capabilities,
    form: programme.form,
    formJsonSchema: formJsonSchema(programme.form, 'submit'),
  };
}
