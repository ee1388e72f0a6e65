import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Raci } from '../../domain/derivation/responsibilities';
import type { ProcessKey } from '../../domain/usm';
import type { ProcedureSourceKind } from '../../persistence/entities';
import { ProcedureSourceKindEnum, RaciEnum } from './enums';
import { ActivityNode, RoleNode, ToolNode, VersionedNode } from './model';
import { Node } from './node';

@ObjectType('Procedure', {
  implements: [Node, VersionedNode],
  simpleResolvers: true,
  description:
    'A process or workflow with roles per step (WHO), derived from its source and traceable to it.',
})
export class ProcedureNode extends VersionedNode {
  @Field(() => String)
  name!: string;

  @Field(() => ProcedureSourceKindEnum)
  sourceKind!: ProcedureSourceKind;

  sourceProcessKey!: ProcessKey | null;
  sourceWorkflowId!: string | null;
}

@ObjectType('ProcedureStep', {
  implements: [Node, VersionedNode],
  simpleResolvers: true,
  description: 'One step of a procedure.',
})
export class ProcedureStepNode extends VersionedNode {
  @Field(() => Int, { description: '1-based over the whole procedure, obsolete steps included.' })
  position!: number;

  @Field(() => Int, {
    description: '0 in the initiating process, +1 per fork (always 0 for a process source).',
  })
  depth!: number;

  @Field(() => Boolean, {
    description: 'Its activity was deleted or left the path; kept with its assignments until removed.',
  })
  obsolete!: boolean;

  @Field(() => String, { description: "The activity's name when the step was last derived." })
  derivedName!: string;

  procedureId!: string;
  activityId!: string;
  processKey!: ProcessKey;
  /**
   * Set when `Procedure.steps` loaded them with the steps of every procedure in the same batch: these
   * fields then resolve synchronously (see procedure-nodes.ts). Absent, they are loaded on demand.
   */
  preloaded?: {
    activity?: ActivityNode;
    responsibilities?: ResponsibilityView[];
    workInstructions?: WorkInstructionNode[];
  };
}

@ObjectType('Responsibility', {
  simpleResolvers: true,
  description: 'The RACI letters one role holds on one step.',
})
export class ResponsibilityView {
  @Field(() => RoleNode)
  role!: RoleNode;

  @Field(() => [RaciEnum], { description: 'In the order R, A, C, I.' })
  raci!: Raci[];
}

@ObjectType('WorkInstruction', {
  implements: [Node, VersionedNode],
  simpleResolvers: true,
  description: 'HOW one Responsible role carries out one step: the tools it uses and a Markdown text.',
})
export class WorkInstructionNode extends VersionedNode {
  @Field(() => String, { description: 'Markdown.' })
  text!: string;

  procedureId!: string;
  stepId!: string;
  roleId!: string;
  /** Set when loaded in a batch with its procedure's contents (see procedure-nodes.ts). */
  preloaded?: { role: RoleNode; tools: ToolNode[] };
}

@ObjectType('Completeness', {
  description:
    'How far WHO and HOW are filled in, over live steps. A step passes WHO with exactly one Accountable and ' +
    'at least one Responsible; it passes HOW when it has a Responsible role and every Responsible role has a ' +
    'work instruction with a tool and a text. percentComplete = passed checks ÷ (2 × live steps) × 100 ' +
    '(0 when there are no live steps).',
})
export class CompletenessView {
  @Field(() => Int)
  liveSteps!: number;

  @Field(() => Int, { description: 'Live steps failing the WHO check.' })
  whoGaps!: number;

  @Field(() => Int, { description: 'Live steps failing the HOW check.' })
  howGaps!: number;

  @Field(() => Float)
  percentComplete!: number;

  @Field(() => [ProcedureStepNode])
  whoGapSteps!: ProcedureStepNode[];

  @Field(() => [ProcedureStepNode])
  howGapSteps!: ProcedureStepNode[];
}

@ObjectType('RaciCell')
export class RaciCell {
  @Field(() => RoleNode)
  role!: RoleNode;

  @Field(() => [RaciEnum], { description: 'Empty when the role has nothing to do with the step.' })
  raci!: Raci[];
}

@ObjectType('RaciRow')
export class RaciRow {
  @Field(() => ProcedureStepNode)
  step!: ProcedureStepNode;

  @Field(() => [RaciCell], { description: 'One cell per column of the matrix, in the same order.' })
  cells!: RaciCell[];
}

@ObjectType('RaciMatrix', {
  description: 'Steps × roles: the roles that hold a letter on any step, by name.',
})
export class RaciMatrix {
  @Field(() => [RoleNode])
  roles!: RoleNode[];

  @Field(() => [RaciRow])
  rows!: RaciRow[];
}

@ObjectType('RoleAssignment', { description: 'What a role does on one step of one procedure.' })
export class RoleAssignment {
  @Field(() => ProcedureNode)
  procedure!: ProcedureNode;

  @Field(() => ProcedureStepNode)
  step!: ProcedureStepNode;

  @Field(() => [RaciEnum])
  raci!: Raci[];
}

@ObjectType('Impact', { description: 'What depends on an activity, a role or a tool.' })
export class Impact {
  @Field(() => [ProcedureNode])
  procedures!: ProcedureNode[];

  @Field(() => [ProcedureStepNode])
  steps!: ProcedureStepNode[];

  @Field(() => [WorkInstructionNode])
  workInstructions!: WorkInstructionNode[];
}
