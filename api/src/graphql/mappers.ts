import { PROCESS_ENTERED_BY } from '../domain/usm';
import type {
  Activity,
  CoverageMapping,
  Credential,
  Membership,
  User,
  Handover,
  Organisation,
  Presentation,
  Procedure,
  ProcedureStep,
  Process,
  Role,
  Tool,
  WorkInstruction,
  Workflow,
} from '../persistence/entities';
import type { Versioned } from '../persistence/entities/base';
import { toGlobalId, type NodeTypeName } from './global-id';
import { ActivityNode, HandoverNode, OrganisationNode, ProcessNode, RoleNode, ToolNode } from './types/model';
import { build } from './types/node';
import { ApiTokenView, MembershipNode, UserNode } from './types/auth';
import { ProcedureNode, ProcedureStepNode, WorkInstructionNode } from './types/procedure';
import { WorkflowNode } from './types/workflow';
import { PresentationNode } from './types/presentation';
import { CoverageMappingNode } from './types/coverage';

/** Entity → GraphQL object. The only place that knows both shapes. */
function versioned(type: NodeTypeName, entity: Versioned, organisationId: string) {
  return {
    id: toGlobalId(type, entity.id),
    storedId: entity.id,
    organisationId,
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function organisationNode(entity: Organisation): OrganisationNode {
  return build(OrganisationNode, {
    ...versioned('Organisation', entity, entity.id),
    name: entity.name,
    demo: entity.demo,
    canvasArrangement: entity.canvasArrangement ?? null,
  });
}

export function processNode(entity: Process): ProcessNode {
  return build(ProcessNode, {
    ...versioned('Process', entity, entity.organisation.id),
    key: entity.key,
    name: entity.name,
    purpose: entity.purpose,
  });
}

export function activityNode(entity: Activity): ActivityNode {
  return build(ActivityNode, {
    ...versioned('Activity', entity, entity.organisation.id),
    name: entity.name,
    description: entity.description,
    position: entity.position,
    deleted: entity.deletedAt !== null,
    processId: entity.process.id,
  });
}

export function handoverNode(entity: Handover): HandoverNode {
  return build(HandoverNode, {
    ...versioned('Handover', entity, entity.organisation.id),
    callType: entity.callType,
    kind: entity.kind,
    targetKey: PROCESS_ENTERED_BY[entity.callType],
    fromActivityId: entity.fromActivity.id,
  });
}

export function workflowNode(entity: Workflow): WorkflowNode {
  return build(WorkflowNode, {
    id: toGlobalId('Workflow', entity.id),
    storedId: entity.id,
    organisationId: entity.organisation.id,
    version: entity.version,
    number: entity.number,
    name: entity.name,
    trigger: entity.trigger,
    // USM: workflows started by a risk are proactive; every other call comes from a customer.
    reactive: entity.trigger !== 'RISK',
    startProcess: entity.startProcess,
    forkChoiceMap: entity.forkChoices,
    forkChoices: Object.entries(entity.forkChoices).map(
      ([process, target]) => ({ process, target }) as never,
    ),
  });
}

export function roleNode(entity: Role): RoleNode {
  return build(RoleNode, {
    ...versioned('Role', entity, entity.organisation.id),
    name: entity.name,
    description: entity.description,
  });
}

export function toolNode(entity: Tool): ToolNode {
  return build(ToolNode, {
    ...versioned('Tool', entity, entity.organisation.id),
    name: entity.name,
    description: entity.description,
  });
}

export function procedureNode(entity: Procedure): ProcedureNode {
  return build(ProcedureNode, {
    ...versioned('Procedure', entity, entity.organisation.id),
    name: entity.name,
    sourceKind: entity.sourceKind,
    sourceProcessKey: entity.sourceProcessKey,
    sourceWorkflowId: entity.sourceWorkflow?.id ?? null,
  });
}

// Steps and work instructions are mapped by the ten thousand in whole-model reads: built field by field
// (no intermediate object), which is what `build` does with the same fields.
export function procedureStepNode(entity: ProcedureStep): ProcedureStepNode {
  const node = new ProcedureStepNode();
  node.id = toGlobalId('ProcedureStep', entity.id);
  node.storedId = entity.id;
  node.organisationId = entity.organisation.id;
  node.version = entity.version;
  node.createdAt = entity.createdAt;
  node.updatedAt = entity.updatedAt;
  node.position = entity.position;
  node.depth = entity.depth;
  node.obsolete = entity.obsolete;
  node.derivedName = entity.activityName;
  node.procedureId = entity.procedure.id;
  node.activityId = entity.activity.id;
  node.processKey = entity.processKey;
  return node;
}

export function workInstructionNode(entity: WorkInstruction): WorkInstructionNode {
  const node = new WorkInstructionNode();
  node.id = toGlobalId('WorkInstruction', entity.id);
  node.storedId = entity.id;
  node.organisationId = entity.organisation.id;
  node.version = entity.version;
  node.createdAt = entity.createdAt;
  node.updatedAt = entity.updatedAt;
  node.text = entity.text;
  node.procedureId = entity.procedure.id;
  node.stepId = entity.step.id;
  node.roleId = entity.role.id;
  return node;
}

export function userNode(entity: User): UserNode {
  return build(UserNode, {
    ...versioned('User', entity, ''),
    email: entity.email,
    name: entity.name,
    administrator: entity.administrator,
  });
}

export function membershipNode(entity: Membership): MembershipNode {
  return build(MembershipNode, {
    ...versioned('Membership', entity, entity.organisation.id),
    role: entity.role,
    userId: entity.user.id,
  });
}

export function apiTokenView(entity: Credential): ApiTokenView {
  return { id: toGlobalId('ApiToken', entity.id), name: entity.name, createdAt: entity.createdAt };
}

export function coverageMappingNode(entity: CoverageMapping): CoverageMappingNode {
  return build(CoverageMappingNode, {
    ...versioned('CoverageMapping', entity, entity.organisation.id),
    framework: entity.framework,
    itemKey: entity.itemKey,
    activityStoredId: entity.activity?.id ?? null,
    workflowStoredId: entity.workflow?.id ?? null,
    rationale: entity.rationale,
  });
}

export function presentationNode(entity: Presentation): PresentationNode {
  return build(PresentationNode, {
    ...versioned('Presentation', entity, entity.organisation.id),
    mode: entity.mode,
    workflowNumber: entity.workflowNumber,
    procedureStoredId: entity.procedure?.id ?? null,
    step: entity.step,
    live: entity.endedAt === null,
  });
}
