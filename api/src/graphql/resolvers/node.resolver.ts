import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { parseGlobalId, type NodeTypeName } from '../global-id';
import {
  activityNode,
  handoverNode,
  organisationNode,
  procedureNode,
  procedureStepNode,
  processNode,
  roleNode,
  toolNode,
  workflowNode,
  workInstructionNode,
} from '../mappers';
import { Node } from '../types/node';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id (deleted activities included); null when the id names nothing.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() { loaders }: RequestContext): Promise<Node | null> {
    const parsed = parseGlobalId(id);
    if (!parsed) return null;
    return loadNode(loaders, parsed.type, parsed.storedId);
  }
}

async function loadNode(
  loaders: RequestContext['loaders'],
  type: NodeTypeName,
  id: string,
): Promise<Node | null> {
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
  }
}

function mapOrNull<T, N>(entity: T | null, map: (entity: T) => N): N | null {
  return entity ? map(entity) : null;
}
