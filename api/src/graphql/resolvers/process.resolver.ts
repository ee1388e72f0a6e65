import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ALLOWED_FORK_TARGETS } from '../../domain/rules';
import { updateProcess } from '../../services/processes';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { activityNode, handoverNode, organisationNode, processNode } from '../mappers';
import { ProcessKeyEnum } from '../types/enums';
import { UpdateProcessInput } from '../types/inputs';
import { ActivityNode, HandoverNode, OrganisationNode, ProcessNode } from '../types/model';

@Resolver(() => ProcessNode)
export class ProcessResolver {
  @Access('ORGANISATION')
  @Mutation(() => ProcessNode, {
    description: 'Renames a process or rewrites its purpose; its key is fixed.',
  })
  async updateProcess(
    @Arg('input', () => UpdateProcessInput) input: UpdateProcessInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Process', storedIdOf(input.id, 'Process', 'input.id'), 'WRITE');
    return processNode(
      await updateProcess(em, { ...input, id: storedIdOf(input.id, 'Process', 'input.id') }),
    );
  }

  @FieldResolver(() => [ActivityNode], {
    description: 'The live activities, in order (deleted ones are not listed).',
  })
  async activities(@Root() process: ProcessNode, @Ctx() { loaders }: RequestContext) {
    return (await loaders.liveActivitiesOfProcess.load(process.storedId)).map(activityNode);
  }

  @FieldResolver(() => [HandoverNode], {
    description: "Hand-overs that start at this process's activities, in step order.",
  })
  async handovers(@Root() process: ProcessNode, @Ctx() { loaders }: RequestContext) {
    return (await loaders.handoversOfProcess.load(process.storedId)).map(handoverNode);
  }

  @FieldResolver(() => [ProcessKeyEnum], { description: 'The processes USM allows this one to fork to.' })
  allowedForkTargets(@Root() process: ProcessNode) {
    return ALLOWED_FORK_TARGETS[process.key];
  }

  @FieldResolver(() => OrganisationNode)
  async organisation(@Root() process: ProcessNode, @Ctx() { loaders }: RequestContext) {
    return organisationNode((await loaders.organisation.load(process.organisationId))!);
  }
}
