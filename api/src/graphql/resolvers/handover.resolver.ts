import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { createHandover, deleteHandover, updateHandover } from '../../services/handovers';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { activityNode, handoverNode, processNode } from '../mappers';
import { CreateHandoverInput, DeleteInput, UpdateHandoverInput } from '../types/inputs';
import { ActivityNode, HandoverNode, ProcessNode } from '../types/model';

@Resolver(() => HandoverNode)
export class HandoverResolver {
  @Mutation(() => HandoverNode, {
    description:
      'Adds a hand-over from an activity. Forks that break the USM rules are refused with BAD_USER_INPUT.',
  })
  async createHandover(
    @Arg('input', () => CreateHandoverInput) input: CreateHandoverInput,
    @Ctx() { em }: RequestContext,
  ) {
    const fromActivityId = storedIdOf(input.fromActivityId, 'Activity', 'input.fromActivityId');
    return handoverNode(
      await createHandover(em, { fromActivityId, callType: input.callType, kind: input.kind ?? 'FORK' }),
    );
  }

  @Mutation(() => HandoverNode)
  async updateHandover(
    @Arg('input', () => UpdateHandoverInput) input: UpdateHandoverInput,
    @Ctx() { em }: RequestContext,
  ) {
    return handoverNode(
      await updateHandover(em, { ...input, id: storedIdOf(input.id, 'Handover', 'input.id') }),
    );
  }

  @Mutation(() => Boolean)
  deleteHandover(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: RequestContext) {
    return deleteHandover(em, { id: storedIdOf(input.id, 'Handover', 'input.id'), version: input.version });
  }

  @FieldResolver(() => ActivityNode, { description: 'The calling activity.' })
  async from(@Root() handover: HandoverNode, @Ctx() { loaders }: RequestContext) {
    return activityNode((await loaders.activity.load(handover.fromActivityId))!);
  }

  @FieldResolver(() => ProcessNode, {
    description: 'The process this call enters (decided by the call type).',
  })
  async target(@Root() handover: HandoverNode, @Ctx() { loaders }: RequestContext) {
    const processes = await loaders.processesOfOrganisation.load(handover.organisationId);
    return processNode(processes.find((process) => process.key === handover.targetKey)!);
  }
}
