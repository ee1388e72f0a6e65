import { Field, Int, ObjectType } from 'type-graphql';
import type { CallType, ProcessKey } from '../../domain/usm';
import { CallTypeEnum, ProcessKeyEnum } from './enums';
import { ActivityNode, ProcessNode } from './model';
import { Node } from './node';

@ObjectType('ForkChoice', {
  description: 'Where a process may fork to several targets, the one this workflow takes.',
})
export class ForkChoice {
  @Field(() => ProcessKeyEnum)
  process!: ProcessKey;

  @Field(() => ProcessKeyEnum)
  target!: ProcessKey;
}

@ObjectType('Workflow', {
  implements: Node,
  simpleResolvers: true,
  description:
    'One of the eight USM workflows: a path through the processes from a call to its completion. ' +
    'Only its route is stored; `steps` is expanded from the current processes and hand-overs.',
})
export class WorkflowNode extends Node {
  @Field(() => Int, { description: '1 to 8, as numbered by USM.' })
  number!: number;

  @Field(() => String)
  name!: string;

  @Field(() => CallTypeEnum, { description: 'The call that starts this workflow.' })
  trigger!: CallType;

  @Field(() => Boolean, {
    description: "True for workflows 1–5 (a customer's call), false for 6–8 (a risk).",
  })
  reactive!: boolean;

  @Field(() => [ForkChoice])
  forkChoices!: ForkChoice[];

  @Field(() => Int)
  version!: number;

  storedId!: string;
  organisationId!: string;
  startProcess!: ProcessKey;
  forkChoiceMap!: Partial<Record<ProcessKey, ProcessKey>>;
}

@ObjectType('WorkflowStep', { description: 'One step of a workflow with its forks expanded.' })
export class WorkflowStep {
  @Field(() => Int, { description: '1-based over the whole expanded path.' })
  position!: number;

  @Field(() => Int, { description: '0 in the initiating process, +1 for each fork followed.' })
  depth!: number;

  @Field(() => ProcessNode)
  process!: ProcessNode;

  @Field(() => ActivityNode)
  activity!: ActivityNode;
}
