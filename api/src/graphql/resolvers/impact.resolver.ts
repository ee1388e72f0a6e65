import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../domain/errors';
import { Activity, Role, Tool } from '../../persistence/entities';
import { dependentsOf } from '../../services/dependents';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { parseGlobalId } from '../global-id';
import { procedureNode, procedureStepNode, workInstructionNode } from '../mappers';
import { Impact } from '../types/procedure';

const TARGETS = { Activity, Role, Tool } as const;

@Resolver()
export class ImpactResolver {
  @Access('ORGANISATION')
  @Query(() => Impact, {
    description: 'Which procedures, steps and work instructions depend on an activity, a role or a tool.',
  })
  async impact(@Arg('id', () => ID) id: string, @Ctx() { em, access }: RequestContext): Promise<Impact> {
    const parsed = parseGlobalId(id);
    if (!parsed || !(parsed.type in TARGETS)) {
      throw new BadUserInputError('Impact is answered for an Activity, a Role or a Tool id.', 'id');
    }
    await access.requireOn(parsed.type, parsed.storedId, 'READ');
    const entity = TARGETS[parsed.type as keyof typeof TARGETS];
    const target = await em.findOne(entity as typeof Activity, { id: parsed.storedId });
    if (!target) throw new NotFoundError(parsed.type, parsed.storedId);
    const dependents = await dependentsOf(em, target);
    return {
      procedures: dependents.procedures.map(procedureNode),
      steps: dependents.steps.map(procedureStepNode),
      workInstructions: dependents.workInstructions.map(workInstructionNode),
    };
  }
}
