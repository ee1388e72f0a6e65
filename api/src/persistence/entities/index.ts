export { Activity, ActivitySchema } from './activity';
export { Role, RoleSchema, Tool, ToolSchema } from './catalog';
export { Handover, HandoverSchema } from './handover';
export { Organisation, OrganisationSchema } from './organisation';
export { Process, ProcessSchema } from './process';
export { User, UserSchema } from './user';
export { Credential, CredentialSchema, CREDENTIAL_KINDS, type CredentialKind } from './credential';
export { Membership, MembershipSchema } from './membership';
export { Procedure, ProcedureSchema, PROCEDURE_SOURCE_KINDS, type ProcedureSourceKind } from './procedure';
export { ProcedureStep, ProcedureStepSchema } from './procedure-step';
export { Responsibility, ResponsibilitySchema } from './responsibility';
export {
  WorkInstruction,
  WorkInstructionSchema,
  WorkInstructionTool,
  WorkInstructionToolSchema,
} from './work-instruction';
export { Workflow, WorkflowSchema } from './workflow';
export { Presentation, PresentationSchema } from './presentation';
export { CoverageMapping, CoverageMappingSchema } from './coverage-mapping';

import { ActivitySchema } from './activity';
import { RoleSchema, ToolSchema } from './catalog';
import { HandoverSchema } from './handover';
import { OrganisationSchema } from './organisation';
import { ProcessSchema } from './process';
import { WorkflowSchema } from './workflow';
import { UserSchema } from './user';
import { CredentialSchema } from './credential';
import { MembershipSchema } from './membership';
import { ProcedureSchema } from './procedure';
import { ProcedureStepSchema } from './procedure-step';
import { ResponsibilitySchema } from './responsibility';
import { WorkInstructionSchema, WorkInstructionToolSchema } from './work-instruction';
import { PresentationSchema } from './presentation';
import { CoverageMappingSchema } from './coverage-mapping';

export const ENTITY_SCHEMAS = [
  OrganisationSchema,
  ProcessSchema,
  ActivitySchema,
  HandoverSchema,
  WorkflowSchema,
  RoleSchema,
  ToolSchema,
  ProcedureSchema,
  ProcedureStepSchema,
  ResponsibilitySchema,
  WorkInstructionSchema,
  WorkInstructionToolSchema,
  UserSchema,
  CredentialSchema,
  MembershipSchema,
  PresentationSchema,
  CoverageMappingSchema,
];
