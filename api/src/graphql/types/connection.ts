import { Field, Int, ObjectType } from 'type-graphql';
import { OrganisationNode } from './model';

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('OrganisationEdge')
export class OrganisationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => OrganisationNode)
  node!: OrganisationNode;
}

@ObjectType('OrganisationConnection')
export class OrganisationConnection {
  @Field(() => [OrganisationEdge])
  edges!: OrganisationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many organisations there are in all.' })
  totalCount!: number;
}
