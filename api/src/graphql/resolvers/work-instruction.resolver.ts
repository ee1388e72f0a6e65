import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { instructionIsObsolete } from '../../services/procedure-contents';
import { deleteWorkInstruction, updateWorkInstruction } from '../../services/work-instructions';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import type { Loaders } from '../loaders';
import { storedIdOf } from '../global-id';
import { procedureNode, procedureStepNode, roleNode, toolNode, workInstructionNode } from '../mappers';
import { DeleteInput } from '../types/inputs';
import { RoleNode, ToolNode } from '../types/model';
import { ProcedureNode, ProcedureStepNode, WorkInstructionNode } from '../types/procedure';
import { UpdateWorkInstructionInput } from '../types/procedure-inputs';

@Resolver(() => WorkInstructionNode)
export class WorkInstructionResolver {
  @Access('ORGANISATION')
  @Mutation(() => WorkInstructionNode, {
    description: 'Edits the text or replaces the tools of a work instruction.',
  })
  async updateWorkInstruction(
    @Arg('input', () => UpdateWorkInstructionInput) input: UpdateWorkInstructionInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('WorkInstruction', storedIdOf(input.id, 'WorkInstruction', 'input.id'), 'WRITE');
    const instruction = await updateWorkInstruction(em, {
      id: storedIdOf(input.id, 'WorkInstruction', 'input.id'),
      version: input.version,
      text: input.text,
      toolIds: input.toolIds?.map((id, index) => storedIdOf(id, 'Tool', `input.toolIds.${index}`)),
    });
    return workInstructionNode(instruction);
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean)
  async deleteWorkInstruction(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('WorkInstruction', storedIdOf(input.id, 'WorkInstruction', 'input.id'), 'WRITE');
    return deleteWorkInstruction(em, {
      id: storedIdOf(input.id, 'WorkInstruction', 'input.id'),
      version: input.version,
    });
  }

  @FieldResolver(() => ProcedureNode)
  async procedure(@Root() instruction: WorkInstructionNode, @Ctx() { loaders }: RequestContext) {
    return procedureNode((await loaders.procedure.load(instruction.procedureId))!);
  }

  @FieldResolver(() => ProcedureStepNode)
  async step(@Root() instruction: WorkInstructionNode, @Ctx() { loaders }: RequestContext) {
    return procedureStepNode((await loaders.procedureStep.load(instruction.stepId))!);
  }

  @FieldResolver(() => RoleNode)
  role(@Root() instruction: WorkInstructionNode, @Ctx() { loaders }: RequestContext) {
    // Synchronous when read with its procedure's contents (procedure-nodes.ts).
    return instruction.preloaded?.role ?? this.loadRole(instruction, loaders);
  }

  @FieldResolver(() => [ToolNode], { description: 'The tools used, by name.' })
  tools(@Root() instruction: WorkInstructionNode, @Ctx() { loaders }: RequestContext) {
    return instruction.preloaded?.tools ?? this.loadTools(instruction, loaders);
  }

  private async loadRole(instruction: WorkInstructionNode, loaders: Loaders): Promise<RoleNode> {
    return roleNode((await loaders.role.load(instruction.roleId))!);
  }

  private async loadTools(instruction: WorkInstructionNode, loaders: Loaders): Promise<ToolNode[]> {
    const contents = await loaders.procedureContents.load(instruction.procedureId);
    return (contents.toolsByInstruction.get(instruction.storedId) ?? []).map(toolNode);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when its step is obsolete or its role is no longer Responsible there; kept until removed.',
  })
  async obsolete(@Root() instruction: WorkInstructionNode, @Ctx() { loaders }: RequestContext) {
    const contents = await loaders.procedureContents.load(instruction.procedureId);
    const entity = contents.instructions.find((candidate) => candidate.id === instruction.storedId)!;
    return instructionIsObsolete(contents, entity);
  }
}
