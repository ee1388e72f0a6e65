import { Field, ID, InputType, Int } from 'type-graphql';
import type { CallType, HandoverKind, ProcessKey } from '../../domain/usm';
import type { OrganisationTemplate } from '../../services/organisation-template';
import { CallTypeEnum, HandoverKindEnum, OrganisationTemplateEnum, ProcessKeyEnum } from './enums';

/**
 * Mutation inputs. Names are limited to 200 characters and descriptions to 4000; every update and delete
 * carries the `version` the client read and answers CONFLICT when it is stale.
 */
@InputType()
export class DeleteInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;
}

@InputType()
export class CreateOrganisationInput {
  @Field(() => String)
  name!: string;

  @Field(() => OrganisationTemplateEnum, { nullable: true, defaultValue: 'USM_REFERENCE' })
  template?: OrganisationTemplate | null;
}

@InputType({ description: 'Resets a demo organisation to its sample content.' })
export class ResetDemoOrganisationInput {
  @Field(() => ID, { description: 'The demo organisation.' })
  id!: string;

  @Field(() => Int)
  version!: number;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType({ description: "Saves where the studio's canvas shows the process containers." })
export class ArrangeCanvasInput {
  @Field(() => ID, { description: 'The organisation.' })
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => [[ProcessKeyEnum]], {
    nullable: true,
    description:
      'Columns left to right, each listing process keys top to bottom; every process once. Null: back to the default.',
  })
  columns?: ProcessKey[][] | null;
}

@InputType()
export class UpdateProcessInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  purpose?: string | null;
}

@InputType()
export class CreateActivityInput {
  @Field(() => ID)
  processId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: '1 to (number of activities + 1); absent appends.' })
  position?: number | null;
}

@InputType()
export class UpdateActivityInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Moves the activity; the others shift. 1 to the number of activities.',
  })
  position?: number | null;
}

@InputType()
export class CreateHandoverInput {
  @Field(() => ID, { description: 'The activity that calls.' })
  fromActivityId!: string;

  @Field(() => CallTypeEnum, { description: 'Decides the target: the process this call type enters.' })
  callType!: CallType;

  @Field(() => HandoverKindEnum, { nullable: true, defaultValue: 'FORK' })
  kind?: HandoverKind | null;
}

@InputType()
export class UpdateHandoverInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => CallTypeEnum, { nullable: true })
  callType?: CallType | null;

  @Field(() => HandoverKindEnum, { nullable: true })
  kind?: HandoverKind | null;
}

/** Roles and tools take the same inputs; each gets its own named input type. */
function catalogInputs(entity: 'Role' | 'Tool') {
  @InputType(`Create${entity}Input`)
  class CreateInput {
    @Field(() => ID)
    organisationId!: string;

    @Field(() => String)
    name!: string;

    @Field(() => String, { nullable: true })
    description?: string | null;
  }

  @InputType(`Update${entity}Input`)
  class UpdateInput {
    @Field(() => ID)
    id!: string;

    @Field(() => Int)
    version!: number;

    @Field(() => String, { nullable: true })
    name?: string | null;

    @Field(() => String, { nullable: true })
    description?: string | null;
  }

  return { CreateInput, UpdateInput };
}

const roleInputs = catalogInputs('Role');
const toolInputs = catalogInputs('Tool');
export const CreateRoleInput = roleInputs.CreateInput;
export const UpdateRoleInput = roleInputs.UpdateInput;
export const CreateToolInput = toolInputs.CreateInput;
export const UpdateToolInput = toolInputs.UpdateInput;
export type CreateCatalogEntryInput = InstanceType<typeof CreateRoleInput>;
export type UpdateCatalogEntryInput = InstanceType<typeof UpdateRoleInput>;
