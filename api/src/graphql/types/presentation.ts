import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WALKTHROUGH_MODES, type WalkthroughMode } from '../../domain/presentation';
import { VersionedNode } from './model';
import { Node } from './node';

export const WalkthroughModeEnum = Object.fromEntries(WALKTHROUGH_MODES.map((mode) => [mode, mode])) as {
  [K in WalkthroughMode]: K;
};

registerEnumType(WalkthroughModeEnum, {
  name: 'WalkthroughMode',
  description: 'What a presentation walks through.',
  valuesConfig: {
    WORKFLOW: { description: 'One of the eight workflows, step by step along its expanded path.' },
    DERIVATION: {
      description:
        'How a procedure is derived: stage 1 the activities (WHAT), 2 the roles (WHO), 3 the tools and instructions (HOW).',
    },
  },
});

@ObjectType('Presentation', {
  implements: [Node, VersionedNode],
  description:
    "A trainer's live walkthrough of the organisation's model, which trainees follow through its share link.",
})
export class PresentationNode extends VersionedNode {
  @Field(() => WalkthroughModeEnum)
  mode!: WalkthroughMode;

  @Field(() => Int, { nullable: true, description: 'The workflow (1–8) of a WORKFLOW walkthrough.' })
  workflowNumber!: number | null;

  @Field(() => Int, {
    description:
      "WORKFLOW: the 1-based position on the workflow's expanded path (`Workflow.steps`). DERIVATION: the " +
      'stage, 1 WHAT, 2 WHO, 3 HOW.',
  })
  step!: number;

  @Field(() => Boolean, { description: 'False once ended: the share link then stops working.' })
  live!: boolean;

  procedureStoredId!: string | null;
}

@ObjectType('StartedPresentation')
export class StartedPresentationView {
  @Field(() => PresentationNode)
  presentation!: PresentationNode;

  @Field(() => String, {
    description:
      "The share token: read-only access to this organisation's model while the presentation is live, sent as " +
      '`Authorization: Share <token>` (or `shareToken` in the WebSocket connection parameters). Shown only now.',
  })
  shareToken!: string;

  @Field(() => String, { description: 'The studio page trainees open: "/present/<token>".' })
  sharePath!: string;
}

@InputType()
export class StartPresentationInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => WalkthroughModeEnum)
  mode!: WalkthroughMode;

  @Field(() => Int, { nullable: true, description: 'For WORKFLOW: 1 to 8.' })
  workflowNumber?: number | null;

  @Field(() => ID, { nullable: true, description: 'For DERIVATION: a procedure of the organisation.' })
  procedureId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  step?: number | null;
}

@InputType({
  description:
    'Moves a presentation. Keeping the mode, workflowNumber or procedureId may be left out; switching modes ' +
    'must name the new workflow or procedure.',
})
export class MovePresentationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => WalkthroughModeEnum, { nullable: true })
  mode?: WalkthroughMode | null;

  @Field(() => Int, { nullable: true })
  workflowNumber?: number | null;

  @Field(() => ID, { nullable: true })
  procedureId?: string | null;

  @Field(() => Int)
  step!: number;
}
