import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { parseGlobalId, type NodeTypeName } from '../global-id';
import {
  activityNode,
  coverageMappingNode,
  handoverNode,
  membershipNode,
  presentationNode,
  organisationNode,
  procedureNode,
  procedureStepNode,
  processNode,
  roleNode,
  toolNode,
  userNode,
  workflowNode,
  workInstructionNode,
} from '../mappers';
import { Node } from '../types/node';

@Resolver()
export class NodeResolver {
  @Access('ORGANISATION')
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object of your organisations by its global id (deleted activities included); null when the id ' +
      'names nothing you may see.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Node | null> {
    const parsed = parseGlobalId(id);
    if (!parsed) return null;
    const node = await loadNode(context.loaders, parsed.type, parsed.storedId);
    return node && (await visible(context, node, parsed)) ? node : null;
  }
}

async function visible(
  context: RequestContext,
  node: Node & { organisationId?: string },
  { type, storedId }: { type: NodeTypeName; storedId: string },
): Promise<boolean> {
  const { access } = context;
  if (node.organisationId) return access.mayRead(type, storedId, node.organisationId);
  // Users are not in an organisation: you may see yourself (administrators see everyone).
  return access.user !== null && (access.user.administrator || node.id === userNode(access.user).id);
}

async function loadNode(loaders: RequestContext['loaders'], type: NodeTypeName, id: string) {
  switch (type) {
    case 'Organisation':
      return mapOrNull(await loaders.organisation.load(id), organisationNode);
    case 'Process':
      return mapOrNull(await loaders.process.load(id), processNode);
    case 'Activity':
      return mapOrNull(await loaders.activity.load(id), activityNode);
    case 'Handover':
      return mapOrNull(await loaders.handover.load(id), handoverNode);
    case 'Workflow':
      return mapOrNull(await loaders.workflow.load(id), workflowNode);
    case 'Role':
      return mapOrNull(await loaders.role.load(id), roleNode);
    case 'Tool':
      return mapOrNull(await loaders.tool.load(id), toolNode);
    case 'Procedure':
      return mapOrNull(await loaders.procedure.load(id), procedureNode);
    case 'ProcedureStep':
      return mapOrNull(await loaders.procedureStep.load(id), procedureStepNode);
    case 'WorkInstruction':
      return mapOrNull(await loaders.workInstruction.load(id), workInstructionNode);
    case 'Membership':
      return mapOrNull(await loaders.membership.load(id), membershipNode);
    case 'Presentation':
      return mapOrNull(await loaders.presentation.load(id), presentationNode);
    case 'CoverageMapping':
      return mapOrNull(await loaders.coverageMapping.load(id), coverageMappingNode);
    case 'User':
      return mapOrNull(await loaders.user.load(id), userNode);
    case 'ApiToken':
      return null;
  }
}

function mapOrNull<T, N>(entity: T | null, map: (entity: T) => N): N | null {
  return entity ? map(entity) : null;
}
