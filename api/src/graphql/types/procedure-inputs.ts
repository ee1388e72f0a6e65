import { Field, ID, InputType, Int } from 'type-graphql';
import type { Raci } from '../../domain/derivation/responsibilities';
import type { ProcessKey } from '../../domain/usm';
import { ProcessKeyEnum, RaciEnum } from './enums';

@InputType({ description: 'Exactly one of workflowNumber and processKey.' })
export class DeriveProcedureInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Derive from this workflow (1–8): its whole expanded path.',
  })
  workflowNumber?: number | null;

  @Field(() => ProcessKeyEnum, { nullable: true, description: 'Derive from the activities of this process.' })
  processKey?: ProcessKey | null;

  @Field(() => String, { nullable: true, description: "Defaults to the source's name." })
  name?: string | null;
}

@InputType()
export class UpdateProcedureInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType()
export class RederiveProcedureInput {
  @Field(() => ID)
  procedureId!: string;
}

@InputType()
export class AssignResponsibilityInput {
  @Field(() => ID)
  stepId!: string;

  @Field(() => ID)
  roleId!: string;

  @Field(() => [RaciEnum], { description: "Replaces the role's letters on the step; [] removes the role." })
  raci!: Raci[];

  @Field(() => Int, { nullable: true, description: 'The step version read; CONFLICT when stale.' })
  version?: number | null;
}

@InputType({ description: 'Gives a role the same letters on every live step of one process in a procedure.' })
export class AssignRoleToProcessInput {
  @Field(() => ID)
  procedureId!: string;

  @Field(() => ID)
  roleId!: string;

  @Field(() => ProcessKeyEnum)
  processKey!: ProcessKey;

  @Field(() => [RaciEnum])
  raci!: Raci[];
}

@InputType()
export class DeriveWorkInstructionsInput {
  @Field(() => ID)
  procedureId!: string;

  @Field(() => ID, { nullable: true, description: 'A tool to set on the work instructions this creates.' })
  toolId?: string | null;
}

@InputType({ description: 'Uses a tool for every live step of one process in a procedure.' })
export class AssignToolToProcessInput {
  @Field(() => ID)
  procedureId!: string;

  @Field(() => ID)
  toolId!: string;

  @Field(() => ProcessKeyEnum)
  processKey!: ProcessKey;
}

@InputType()
export class UpdateWorkInstructionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true, description: 'Markdown, at most 20,000 characters.' })
  text?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the tools used.' })
  toolIds?: string[] | null;
}
