import { Field, GraphQLISODateTime, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { CallType, HandoverKind, ProcessKey } from '../../domain/usm';
import { CallTypeEnum, HandoverKindEnum, ProcessKeyEnum } from './enums';
import { Node } from './node';

/**
 * The GraphQL face of an organisation's USM model. Each object keeps the stored ids it needs to resolve
 * its relations (not exposed); relations are resolved in batches by the resolvers.
 *
 * The types read in bulk (whole-model reads: hundreds of thousands of fields) set `simpleResolvers: true`:
 * their plain fields are read by graphql-js's default resolver instead of a type-graphql wrapper per field.
 * That is only correct while no middleware or auth checker applies to them (none does: access is checked
 * per root field and in the resolvers); field resolvers (`@FieldResolver`) are unaffected.
 */
@InterfaceType('Versioned', {
  implements: Node,
  description: 'An object edited with optimistic locking: send `version` back with every update or delete.',
})
export abstract class VersionedNode extends Node {
  @Field(() => Int, {
    description: 'Increases with every change; send it back with an edit to detect conflicts.',
  })
  version!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  storedId!: string;
  organisationId!: string;
}

@ObjectType('Organisation', {
  implements: [Node, VersionedNode],
  simpleResolvers: true,
  description: 'A service organisation and its USM model.',
})
export class OrganisationNode extends VersionedNode {
  @Field(() => String)
  name!: string;

  @Field(() => Boolean, {
    description:
      'True for a demo organisation (created from USM_DEMO): its sample content can be restored with ' +
      '`resetDemoOrganisation`.',
  })
  demo!: boolean;

  @Field(() => [[ProcessKeyEnum]], {
    nullable: true,
    description:
      'How the studio arranges the process containers: columns from left to right, each a list of ' +
      'process keys from top to bottom. Null: the default arrangement. Presentation only, not USM content.',
  })
  canvasArrangement!: ProcessKey[][] | null;
}

@ObjectType('Process', {
  implements: [Node, VersionedNode],
  simpleResolvers: true,
  description: 'One of the five USM processes: WHAT is done.',
})
export class ProcessNode extends VersionedNode {
  @Field(() => ProcessKeyEnum)
  key!: ProcessKey;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'What the process is for, in our own words.' })
  purpose!: string;
}

@ObjectType('Activity', {
  implements: [Node, VersionedNode],
  simpleResolvers: true,
  description: 'An ordered step of a process.',
})
export class ActivityNode extends VersionedNode {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'A short explanation in our own words; empty where USM says nothing.' })
  description!: string;

  @Field(() => Int, {
    description: '1-based and contiguous within the process. A deleted activity keeps its last position.',
  })
  position!: number;

  @Field(() => Boolean, {
    description: 'True for a deleted activity: it is no longer listed but stays resolvable by id.',
  })
  deleted!: boolean;

  processId!: string;
}

@ObjectType('Handover', {
  implements: [Node, VersionedNode],
  simpleResolvers: true,
  description:
    'A call from an activity to the process its call type enters: a fork (waits) or a spawn (does not).',
})
export class HandoverNode extends VersionedNode {
  @Field(() => CallTypeEnum)
  callType!: CallType;

  @Field(() => HandoverKindEnum)
  kind!: HandoverKind;

  targetKey!: ProcessKey;

  fromActivityId!: string;
}

@ObjectType('Role', {
  implements: [Node, VersionedNode],
  simpleResolvers: true,
  description: 'A USM profile: WHO performs activities.',
})
export class RoleNode extends VersionedNode {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;
}

@ObjectType('Tool', {
  implements: [Node, VersionedNode],
  simpleResolvers: true,
  description: 'Technology: HOW an activity is carried out.',
})
export class ToolNode extends VersionedNode {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;
}
