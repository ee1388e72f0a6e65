import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { resetDemoOrganisation } from '../../services/demo-organisation';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { organisationNode } from '../mappers';
import { ResetDemoOrganisationInput } from '../types/inputs';
import { OrganisationNode } from '../types/model';

/** Demo organisations for trainers (issue 6, item 4); they are created with `createOrganisation` (USM_DEMO). */
@Resolver()
export class DemoOrganisationResolver {
  @Access('ORGANISATION')
  @Mutation(() => OrganisationNode, {
    description:
      'Puts a demo organisation back to its sample content (TRAINER, ARCHITECT, OWNER): deletes its whole ' +
      'model and builds the USM_DEMO content again, in one transaction; the id, name and members stay and ' +
      'the version increases. Its live presentations end. Refuses an organisation that is not a demo ' +
      '(BAD_USER_INPUT).',
  })
  async resetDemoOrganisation(
    @Arg('input', () => ResetDemoOrganisationInput) input: ResetDemoOrganisationInput,
    @Ctx() { em, access, events }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'Organisation', 'input.id');
    await access.requireOn('Organisation', id, 'PRESENT');
    const { organisation, endedPresentations } = await resetDemoOrganisation(em, {
      id,
      version: input.version,
    });
    // The reset ended the organisation's live presentations: their followers finish.
    for (const presentation of endedPresentations) {
      await events.publish({ presentationId: presentation.id, version: presentation.version, live: false });
    }
    return organisationNode(organisation);
  }
}
