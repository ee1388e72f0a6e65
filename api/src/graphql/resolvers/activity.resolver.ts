import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { createActivity, deleteActivity, updateActivity } from '../../services/activities';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { activityNode, handoverNode, processNode } from '../mappers';
import { CreateActivityInput, DeleteInput, UpdateActivityInput } from '../types/inputs';
import { ActivityNode, HandoverNode, ProcessNode } from '../types/model';

@Resolver(() => ActivityNode)
export class ActivityResolver {
  @Access('ORGANISATION')
  @Mutation(() => ActivityNode, {
    description: 'Adds an activity to a process at a position (default: last).',
  })
  async createActivity(
    @Arg('input', () => CreateActivityInput) input: CreateActivityInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Process', storedIdOf(input.processId, 'Process', 'input.processId'), 'WRITE');
    const processId = storedIdOf(input.processId, 'Process', 'input.processId');
    return activityNode(await createActivity(em, { ...input, processId }));
  }

  @Access('ORGANISATION')
  @Mutation(() => ActivityNode, {
    description:
      'Renames, describes or moves an activity. A move shifts the others and bumps the process version.',
  })
  async updateActivity(
    @Arg('input', () => UpdateActivityInput) input: UpdateActivityInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Activity', storedIdOf(input.id, 'Activity', 'input.id'), 'WRITE');
    const id = storedIdOf(input.id, 'Activity', 'input.id');
    return activityNode(await updateActivity(em, { ...input, id }));
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean, {
    description:
      'Deletes an activity: the gap closes, its hand-overs go, and it stays resolvable by id as deleted.',
  })
  async deleteActivity(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Activity', storedIdOf(input.id, 'Activity', 'input.id'), 'WRITE');
    return deleteActivity(em, { id: storedIdOf(input.id, 'Activity', 'input.id'), version: input.version });
  }

  @FieldResolver(() => ProcessNode)
  async process(@Root() activity: ActivityNode, @Ctx() { loaders }: RequestContext) {
    return processNode((await loaders.process.load(activity.processId))!);
  }

  @FieldResolver(() => [HandoverNode], { description: 'Hand-overs that start at this activity.' })
  async handovers(@Root() activity: ActivityNode, @Ctx() { loaders }: RequestContext) {
    if (activity.deleted) return [];
    return (await loaders.handoversFromActivity.load(activity.storedId)).map(handoverNode);
  }
}
