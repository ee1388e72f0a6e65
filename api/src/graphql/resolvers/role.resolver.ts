import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { procedureNode, procedureStepNode } from '../mappers';
import { RoleNode } from '../types/model';
import { RoleAssignment } from '../types/procedure';
import { loadAll } from '../load-all';

@Resolver(() => RoleNode)
export class RoleResolver {
  @FieldResolver(() => [RoleAssignment], {
    description: 'Everything this role does, across all procedures: one entry per step it holds letters on.',
  })
  async assignments(@Root() role: RoleNode, @Ctx() { loaders }: RequestContext): Promise<RoleAssignment[]> {
    const responsibilities = await loaders.responsibilitiesOfRole.load(role.storedId);
    const procedures = await loadAll(
      loaders.procedure,
      responsibilities.map((responsibility) => responsibility.step.procedure.id),
    );
    return responsibilities.map((responsibility, index) => ({
      procedure: procedureNode(procedures[index]!),
      step: procedureStepNode(responsibility.step),
      raci: responsibility.raci,
    }));
  }
}
