export { Activity, ActivitySchema } from './activity';
export { Role, RoleSchema, Tool, ToolSchema } from './catalog';
export { Handover, HandoverSchema } from './handover';
export { Organisation, OrganisationSchema } from './organisation';
export { Process, ProcessSchema } from './process';
export { Workflow, WorkflowSchema } from './workflow';

import { ActivitySchema } from './activity';
import { RoleSchema, ToolSchema } from './catalog';
import { HandoverSchema } from './handover';
import { OrganisationSchema } from './organisation';
import { ProcessSchema } from './process';
import { WorkflowSchema } from './workflow';

export const ENTITY_SCHEMAS = [
  OrganisationSchema,
  ProcessSchema,
  ActivitySchema,
  HandoverSchema,
  WorkflowSchema,
  RoleSchema,
  ToolSchema,
];
