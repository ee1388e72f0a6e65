import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { createHandover, deleteHandover, updateHandover } from '../../services/handovers';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { activityNode, handoverNode, processNode } from '../mappers';
import { CreateHandoverInput, DeleteInput, UpdateHandoverInput } from '../types/inputs';
import { ActivityNode, HandoverNode, ProcessNode } from '../types/model';

@Resolver(() => HandoverNode)
export class HandoverResolver {
  @Access('ORGANISATION')
  @Mutation(() => HandoverNode, {
    description:
      'Adds a hand-over from an activity. Forks that break the USM rules are refused with BAD_USER_INPUT.',
  })
  async createHandover(
    @Arg('input', () => CreateHandoverInput) input: CreateHandoverInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn(
      'Activity',
      storedIdOf(input.fromActivityId, 'Activity', 'input.fromActivityId'),
      'WRITE',
    );
    const fromActivityId = storedIdOf(input.fromActivityId, 'Activity', 'input.fromActivityId');
    return handoverNode(
      await createHandover(em, { fromActivityId, callType: input.callType, kind: input.kind ?? 'FORK' }),
    );
  }

  @Access('ORGANISATION')
  @Mutation(() => HandoverNode)
  async updateHandover(
    @Arg('input', () => UpdateHandoverInput) input: UpdateHandoverInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Handover', storedIdOf(input.id, 'Handover', 'input.id'), 'WRITE');
    return handoverNode(
      await updateHandover(em, { ...input, id: storedIdOf(input.id, 'Handover', 'input.id') }),
    );
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean)
  async deleteHandover(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Handover', storedIdOf(input.id, 'Handover', 'input.id'), 'WRITE');
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
