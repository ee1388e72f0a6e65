import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { MemberRole } from '../../domain/access';
import { MemberRoleEnum } from './enums';
import { VersionedNode } from './model';
import { Node } from './node';

@ObjectType('User', { implements: [Node, VersionedNode], description: 'A person who signs in.' })
export class UserNode extends VersionedNode {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { description: 'Administrators create users.' })
  administrator!: boolean;
}

@ObjectType('Session', {
  description: 'A signed-in session. The studio uses the cookie; API clients the token.',
})
export class SessionView {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`. Shown once.' })
  token!: string;

  @Field(() => UserNode)
  user!: UserNode;
}

@ObjectType('ApiToken', {
  description: 'A personal API token for another frontend. Its secret is shown only once.',
})
export class ApiTokenView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType('NewApiToken')
export class NewApiTokenView {
  @Field(() => String, {
    description: 'The secret: send as `Authorization: Bearer <token>`. Shown only now.',
  })
  token!: string;

  @Field(() => ApiTokenView)
  apiToken!: ApiTokenView;
}

@ObjectType('Membership', {
  implements: [Node, VersionedNode],
  description: "A user's role in an organisation.",
})
export class MembershipNode extends VersionedNode {
  @Field(() => MemberRoleEnum)
  role!: MemberRole;

  userId!: string;
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: '10 to 200 characters.' })
  password!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  administrator?: boolean | null;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. "reporting dashboard".' })
  name!: string;
}

@InputType()
export class RevokeApiTokenInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class AddMemberInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => MemberRoleEnum)
  role!: MemberRole;
}

@InputType()
export class UpdateMemberInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => MemberRoleEnum)
  role!: MemberRole;
}
