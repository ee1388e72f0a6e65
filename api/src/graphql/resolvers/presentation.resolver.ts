import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { endPresentation, movePresentation, startPresentation } from '../../services/presentations';
import type { Presentation } from '../../persistence/entities';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { organisationNode, presentationNode, procedureNode } from '../mappers';
import { DeleteInput } from '../types/inputs';
import { OrganisationNode } from '../types/model';
import {
  MovePresentationInput,
  PresentationNode,
  StartedPresentationView,
  StartPresentationInput,
} from '../types/presentation';
import { ProcedureNode } from '../types/procedure';

/** Where the studio opens a share link. */
export const SHARE_PATH_PREFIX = '/present/';

@Resolver(() => PresentationNode)
export class PresentationResolver {
  @Access('ORGANISATION')
  @Mutation(() => StartedPresentationView, {
    description:
      'Starts a presentation of the organisation (TRAINER, ARCHITECT, OWNER) and returns its share token, ' +
      'shown only now.',
  })
  async startPresentation(
    @Arg('input', () => StartPresentationInput) input: StartPresentationInput,
    @Ctx() { em, access }: RequestContext,
  ): Promise<StartedPresentationView> {
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    await access.requireOn('Organisation', organisationId, 'PRESENT');
    const procedureId =
      input.procedureId == null ? null : storedIdOf(input.procedureId, 'Procedure', 'input.procedureId');
    const { presentation, shareToken } = await startPresentation(em, {
      organisationId,
      startedById: access.requireUser().id,
      mode: input.mode,
      workflowNumber: input.workflowNumber,
      procedureId,
      step: input.step,
    });
    return {
      presentation: presentationNode(presentation),
      shareToken,
      sharePath: `${SHARE_PATH_PREFIX}${shareToken}`,
    };
  }

  @Access('ORGANISATION')
  @Mutation(() => PresentationNode, {
    description:
      'Moves a presentation to another step, workflow or procedure (TRAINER, ARCHITECT, OWNER); its ' +
      'followers get the move at once. A stale version answers CONFLICT.',
  })
  async movePresentation(
    @Arg('input', () => MovePresentationInput) input: MovePresentationInput,
    @Ctx() { em, access, events }: RequestContext,
  ): Promise<PresentationNode> {
    const id = storedIdOf(input.id, 'Presentation', 'input.id');
    await access.requireOn('Presentation', id, 'PRESENT');
    const procedureId =
      input.procedureId == null ? null : storedIdOf(input.procedureId, 'Procedure', 'input.procedureId');
    const presentation = await movePresentation(em, { ...input, id, procedureId });
    await publish(events, presentation);
    return presentationNode(presentation);
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean, {
    description:
      'Ends a presentation (TRAINER, ARCHITECT, OWNER): its share link stops working at once and its ' +
      'followers finish.',
  })
  async endPresentation(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access, events }: RequestContext,
  ): Promise<boolean> {
    const id = storedIdOf(input.id, 'Presentation', 'input.id');
    await access.requireOn('Presentation', id, 'PRESENT');
    await publish(events, await endPresentation(em, { id, version: input.version }));
    return true;
  }

  @Access('ORGANISATION')
  @Query(() => PresentationNode, {
    nullable: true,
    description:
      'A presentation of an organisation you are a member of (ended ones too, with live false); null when ' +
      'there is none you may see.',
  })
  async presentation(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders, access }: RequestContext,
  ): Promise<PresentationNode | null> {
    const storedId = storedIdOf(id, 'Presentation', 'id');
    const presentation = await loaders.presentation.load(storedId);
    return presentation && (await access.mayRead('Presentation', storedId, presentation.organisation.id))
      ? presentationNode(presentation)
      : null;
  }

  @Access('PUBLIC')
  @Query(() => PresentationNode, {
    nullable: true,
    description:
      'The live presentation whose share token the request carries (`Authorization: Share <token>`); null ' +
      'without one, or once it has ended. Cheap to poll: a constant number of statements.',
  })
  async sharedPresentation(@Ctx() { loaders, access }: RequestContext): Promise<PresentationNode | null> {
    if (!access.share) return null;
    const presentation = await loaders.presentation.load(access.share.presentationId);
    return presentation ? presentationNode(presentation) : null;
  }

  @Access('ORGANISATION')
  @Subscription(() => PresentationNode, {
    subscribe: (data: SubscribeResolverData<unknown, { id: string }, RequestContext>) =>
      followPresentation(data.context, data.args.id),
    description:
      'Follows a presentation (members with READ, or its share link): first its current state, then every ' +
      'move in order; when it ends, its final state (live false), then the subscription completes. Over ' +
      'the WebSocket at /graphql (graphql-ws).',
  })
  presentationMoved(
    @Arg('id', () => ID) _id: string,
    @Root() presentation: PresentationNode,
  ): PresentationNode {
    return presentation;
  }

  @FieldResolver(() => OrganisationNode)
  async organisation(@Root() presentation: PresentationNode, @Ctx() { loaders }: RequestContext) {
    return organisationNode((await loaders.organisation.load(presentation.organisationId))!);
  }

  @FieldResolver(() => ProcedureNode, {
    nullable: true,
    description:
      'The procedure a DERIVATION walkthrough shows (null for WORKFLOW, or when the procedure was deleted).',
  })
  async procedure(@Root() presentation: PresentationNode, @Ctx() { loaders }: RequestContext) {
    if (!presentation.procedureStoredId) return null;
    const procedure = await loaders.procedure.load(presentation.procedureStoredId);
    return procedure ? procedureNode(procedure) : null;
  }
}

@Resolver(() => OrganisationNode)
export class OrganisationPresentationsResolver {
  @FieldResolver(() => [PresentationNode], {
    description: 'Live presentations, oldest first (members only: FORBIDDEN through a share link).',
  })
  async presentations(@Root() organisation: OrganisationNode, @Ctx() { loaders, access }: RequestContext) {
    await access.requireMember(organisation.storedId);
    return (await loaders.livePresentationsOfOrganisation.load(organisation.storedId)).map(presentationNode);
  }
}

function publish(events: RequestContext['events'], presentation: Presentation): Promise<void> {
  return events.publish({
    presentationId: presentation.id,
    version: presentation.version,
    live: presentation.endedAt === null,
  });
}

/**
 * The stream behind presentationMoved. Access is checked before it starts (outsiders: NOT_FOUND) and
 * again before each move is delivered, on a renewed context: a follower removed from the organisation
 * meanwhile, or whose share link was revoked, is finished. Events older than what was delivered are skipped.
 */
async function followPresentation(
  context: RequestContext,
  globalId: string,
): Promise<AsyncIterableIterator<PresentationNode>> {
  const id = storedIdOf(globalId, 'Presentation', 'id');
  await context.access.requireOn('Presentation', id, 'READ');
  const follower = new PresentationFollower(context, id);
  await follower.start();
  return follower;
}

class PresentationFollower implements AsyncIterableIterator<PresentationNode> {
  private readonly pending: number[] = [];
  private wake: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private first: PresentationNode | null = null;
  private lastVersion = 0;
  /** The final state (live false) has been or is being delivered: complete after it. */
  private ended = false;
  private finished = false;

  constructor(
    private readonly context: RequestContext,
    private readonly id: string,
  ) {}

  /** Listens first, then reads the current state: no move can fall between the two. */
  async start(): Promise<void> {
    this.unsubscribe = this.context.events.subscribe(this.id, (event) => {
      this.pending.push(event.version);
      this.wake?.();
    });
    const current = await this.context.loaders.presentation.load(this.id);
    if (!current) return this.finish();
    this.first = presentationNode(current);
    this.lastVersion = current.version;
    this.ended = current.endedAt !== null;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  async next(): Promise<IteratorResult<PresentationNode>> {
    if (this.first && !this.finished) {
      const first = this.first;
      this.first = null;
      return { value: first, done: false };
    }
    while (!this.finished && !this.ended) {
      const version = this.pending.shift();
      if (version === undefined) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      if (version <= this.lastVersion) continue;
      const delivered = await this.read();
      if (delivered) return { value: delivered, done: false };
    }
    this.finish();
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<PresentationNode>> {
    this.finish();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<PresentationNode>> {
    this.finish();
    throw error;
  }

  /** The presentation as it is now, if the follower may still see it; null to skip (or finish). */
  private async read(): Promise<PresentationNode | null> {
    await this.context.renew?.();
    const presentation = await this.context.loaders.presentation.load(this.id);
    if (!presentation) {
      this.finish();
      return null;
    }
    if (presentation.version <= this.lastVersion) return null;
    this.lastVersion = presentation.version;
    if (presentation.endedAt) {
      // The final state goes to every follower (a share link stops counting the moment it ends).
      this.ended = true;
      return presentationNode(presentation);
    }
    if (!(await this.context.access.mayRead('Presentation', this.id, presentation.organisation.id))) {
      this.finish();
      return null;
    }
    return presentationNode(presentation);
  }

  private finish(): void {
    this.finished = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.wake?.();
  }
}
