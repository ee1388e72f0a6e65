import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { expandWorkflow } from '../../domain/workflow-expansion';
import type { RequestContext } from '../context';
import { activityNode, processNode } from '../mappers';
import { ProcessNode } from '../types/model';
import { WorkflowNode, WorkflowStep } from '../types/workflow';

@Resolver(() => WorkflowNode)
export class WorkflowResolver {
  @FieldResolver(() => ProcessNode, { description: 'The process the trigger enters.' })
  async startProcess(@Root() workflow: WorkflowNode, @Ctx() { loaders }: RequestContext) {
    const model = await loaders.organisationModel.load(workflow.organisationId);
    return processNode(model.processes.get(workflow.startProcess)!);
  }

  @FieldResolver(() => [WorkflowStep], {
    description: 'The path with forks expanded, from the current activities and hand-overs of the processes.',
  })
  async steps(@Root() workflow: WorkflowNode, @Ctx() { loaders }: RequestContext): Promise<WorkflowStep[]> {
    const model = await loaders.organisationModel.load(workflow.organisationId);
    const route = { startProcess: workflow.startProcess, forkChoices: workflow.forkChoiceMap };
    return expandWorkflow(model.expansion, route).map((step) => ({
      position: step.position,
      depth: step.depth,
      process: processNode(model.processes.get(step.processKey)!),
      activity: activityNode(model.activitiesById.get(step.activityId)!),
    }));
  }
}
