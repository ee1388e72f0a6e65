import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { assignResponsibility } from '../../services/responsibilities';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import type { Loaders } from '../loaders';
import { storedIdOf } from '../global-id';
import {
  activityNode,
  procedureNode,
  procedureStepNode,
  processNode,
  roleNode,
  workInstructionNode,
} from '../mappers';
import { ActivityNode, ProcessNode } from '../types/model';
import {
  ProcedureNode,
  ProcedureStepNode,
  ResponsibilityView,
  WorkInstructionNode,
} from '../types/procedure';
import { AssignResponsibilityInput } from '../types/procedure-inputs';
import { loadAll } from '../load-all';

@Resolver(() => ProcedureStepNode)
export class ProcedureStepResolver {
  @Access('ORGANISATION')
  @Mutation(() => ProcedureStepNode, {
    description:
      "Replaces a role's RACI letters on a step ([] removes the role). A second Accountable is BAD_USER_INPUT.",
  })
  async assignResponsibility(
    @Arg('input', () => AssignResponsibilityInput) input: AssignResponsibilityInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn(
      'ProcedureStep',
      storedIdOf(input.stepId, 'ProcedureStep', 'input.stepId'),
      'WRITE',
    );
    const step = await assignResponsibility(em, {
      stepId: storedIdOf(input.stepId, 'ProcedureStep', 'input.stepId'),
      roleId: storedIdOf(input.roleId, 'Role', 'input.roleId'),
      raci: input.raci,
      version: input.version,
    });
    return procedureStepNode(step);
  }

  @FieldResolver(() => ProcedureNode)
  async procedure(@Root() step: ProcedureStepNode, @Ctx() { loaders }: RequestContext) {
    return procedureNode((await loaders.procedure.load(step.procedureId))!);
  }

  @FieldResolver(() => ActivityNode, {
    description: 'The source activity; never null: a deleted activity stays resolvable (with deleted: true).',
  })
  activity(@Root() step: ProcedureStepNode, @Ctx() { loaders }: RequestContext) {
    // Synchronous when the steps were read with their activities (procedure-nodes.ts).
    return step.preloaded?.activity ?? this.loadActivity(step, loaders);
  }

  private async loadActivity(step: ProcedureStepNode, loaders: Loaders): Promise<ActivityNode> {
    return activityNode((await loaders.activity.load(step.activityId))!);
  }

  @FieldResolver(() => ProcessNode)
  async process(@Root() step: ProcedureStepNode, @Ctx() { loaders }: RequestContext) {
    const model = await loaders.organisationModel.load(step.organisationId);
    return processNode(model.processes.get(step.processKey)!);
  }

  @FieldResolver(() => [ResponsibilityView], {
    description: 'Roles with their letters, in the order assigned.',
  })
  responsibilities(@Root() step: ProcedureStepNode, @Ctx() { loaders }: RequestContext) {
    return step.preloaded?.responsibilities ?? this.loadResponsibilities(step, loaders);
  }

  @FieldResolver(() => [WorkInstructionNode])
  workInstructions(@Root() step: ProcedureStepNode, @Ctx() { loaders }: RequestContext) {
    return step.preloaded?.workInstructions ?? this.loadWorkInstructions(step, loaders);
  }

  private async loadResponsibilities(
    step: ProcedureStepNode,
    loaders: Loaders,
  ): Promise<ResponsibilityView[]> {
    const contents = await loaders.procedureContents.load(step.procedureId);
    const held = contents.responsibilitiesByStep.get(step.storedId) ?? [];
    const roles = await loadAll(
      loaders.role,
      held.map((responsibility) => responsibility.role.id),
    );
    return held.map((responsibility, index) => ({
      role: roleNode(roles[index]!),
      raci: responsibility.raci,
    }));
  }

  private async loadWorkInstructions(
    step: ProcedureStepNode,
    loaders: Loaders,
  ): Promise<WorkInstructionNode[]> {
    const contents = await loaders.procedureContents.load(step.procedureId);
    return (contents.instructionsByStep.get(step.storedId) ?? []).map(workInstructionNode);
  }
}
