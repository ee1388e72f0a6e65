import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FRAMEWORKS, type Framework } from '../../domain/frameworks';
import { Node } from './node';
import { VersionedNode } from './model';

export const FrameworkEnum = Object.fromEntries(FRAMEWORKS.map((value) => [value, value])) as {
  [K in Framework]: K;
};
registerEnumType(FrameworkEnum, {
  name: 'Framework',
  description: 'A framework USM claims to cover: ITIL4 (34 practices) or ISO20000 (ISO/IEC 20000-1:2018).',
});

@ObjectType('FrameworkItem', {
  description: 'An ITIL 4 practice or an ISO/IEC 20000-1 clause (reference list).',
})
export class FrameworkItemView {
  @Field(() => FrameworkEnum)
  framework!: Framework;

  @Field(() => String, {
    description: "A practice's slug ('incident-management') or a clause number ('8.6.1').",
  })
  key!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "ITIL: General, Service or Technical; ISO: the parent clause ('8.6'), null for a top clause.",
  })
  group!: string | null;
}

@ObjectType('CoverageMapping', {
  implements: [Node, VersionedNode],
  description:
    'A user’s statement that an activity or a workflow covers a framework item, with its source or ' +
    'rationale. User data: USM publishes no official mapping.',
})
export class CoverageMappingNode extends VersionedNode {
  @Field(() => FrameworkEnum)
  framework!: Framework;

  itemKey!: string;
  activityStoredId!: string | null;
  workflowStoredId!: string | null;

  @Field(() => String)
  rationale!: string;
}

@ObjectType('CoverageLine')
export class CoverageLineView {
  @Field(() => FrameworkItemView)
  item!: FrameworkItemView;

  @Field(() => Boolean, { description: 'At least one mapping points at a live activity or at a workflow.' })
  covered!: boolean;

  @Field(() => [CoverageMappingNode])
  mappings!: CoverageMappingNode[];
}

@ObjectType('CoverageReport')
export class CoverageReportView {
  @Field(() => FrameworkEnum)
  framework!: Framework;

  @Field(() => Int)
  coveredCount!: number;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => [CoverageLineView], { description: 'Every item of the framework, in reference order.' })
  lines!: CoverageLineView[];

  @Field(() => String, { description: 'Says that the mappings are user data, not official USM content.' })
  note!: string;
}

@InputType()
export class MapCoverageInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => FrameworkEnum)
  framework!: Framework;

  @Field(() => String)
  itemKey!: string;

  @Field(() => ID, { nullable: true, description: 'The activity that covers the item (or give workflowId).' })
  activityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The workflow that covers the item (or give activityId).' })
  workflowId?: string | null;

  @Field(() => String, { description: 'Where the mapping comes from, or why it holds. Required.' })
  rationale!: string;
}
