import { Field, Int, ObjectType } from 'type-graphql';
import type { CallType, HandoverKind, ProcessKey } from '../../domain/usm';
import { CallTypeEnum, HandoverKindEnum, ProcessKeyEnum } from './enums';
import { ForkChoice } from './workflow';

/** The USM reference model as read-only data: what `USM_REFERENCE` organisations start from. */
@ObjectType('ReferenceHandover')
export class ReferenceHandover {
  @Field(() => CallTypeEnum)
  callType!: CallType;

  @Field(() => HandoverKindEnum)
  kind!: HandoverKind;

  @Field(() => ProcessKeyEnum)
  target!: ProcessKey;
}

@ObjectType('ReferenceActivity')
export class ReferenceActivity {
  @Field(() => Int)
  position!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [ReferenceHandover])
  handovers!: ReferenceHandover[];
}

@ObjectType('ReferenceProcess')
export class ReferenceProcess {
  @Field(() => ProcessKeyEnum)
  key!: ProcessKey;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  purpose!: string;

  @Field(() => CallTypeEnum, { description: 'The call type that enters this process.' })
  enteredBy!: CallType;

  @Field(() => [ProcessKeyEnum])
  allowedForkTargets!: ProcessKey[];

  @Field(() => [ReferenceActivity])
  activities!: ReferenceActivity[];
}

@ObjectType('ReferenceWorkflowStep')
export class ReferenceWorkflowStep {
  @Field(() => Int)
  position!: number;

  @Field(() => Int)
  depth!: number;

  @Field(() => ProcessKeyEnum)
  process!: ProcessKey;

  @Field(() => Int, { description: "The activity's position within its process." })
  activityPosition!: number;

  @Field(() => String)
  activityName!: string;
}

@ObjectType('ReferenceWorkflow')
export class ReferenceWorkflow {
  @Field(() => Int)
  number!: number;

  @Field(() => String)
  name!: string;

  @Field(() => CallTypeEnum)
  trigger!: CallType;

  @Field(() => Boolean)
  reactive!: boolean;

  @Field(() => ProcessKeyEnum)
  startProcess!: ProcessKey;

  @Field(() => [ForkChoice])
  forkChoices!: ForkChoice[];

  @Field(() => [ReferenceWorkflowStep])
  steps!: ReferenceWorkflowStep[];
}

@ObjectType('ReferenceProfile')
export class ReferenceProfile {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;
}

@ObjectType('UsmReference', {
  description: 'The USM reference model, restated in our own words. Readable without an organisation.',
})
export class UsmReference {
  @Field(() => [ReferenceProcess])
  processes!: ReferenceProcess[];

  @Field(() => [ReferenceWorkflow])
  workflows!: ReferenceWorkflow[];

  @Field(() => [ReferenceProfile])
  profiles!: ReferenceProfile[];
}
