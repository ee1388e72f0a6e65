import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import {
  deleteProcedure,
  deriveProcedure,
  rederiveProcedure,
  removeObsoleteStep,
  updateProcedure,
} from '../../services/procedures';
import { completenessOf } from '../../services/procedure-contents';
import { assignRoleToProcess } from '../../services/responsibilities';
import { assignToolToProcess, deriveWorkInstructions } from '../../services/work-instructions';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import {
  organisationNode,
  procedureNode,
  procedureStepNode,
  processNode,
  roleNode,
  workflowNode,
} from '../mappers';
import { reasonsOutOfDate } from '../procedure-analysis';
import { DeleteInput } from '../types/inputs';
import { OrganisationNode, ProcessNode } from '../types/model';
import {
  CompletenessView,
  ProcedureNode,
  ProcedureStepNode,
  RaciMatrix,
  WorkInstructionNode,
} from '../types/procedure';
import {
  AssignRoleToProcessInput,
  AssignToolToProcessInput,
  DeriveProcedureInput,
  DeriveWorkInstructionsInput,
  RederiveProcedureInput,
  UpdateProcedureInput,
} from '../types/procedure-inputs';
import { WorkflowNode } from '../types/workflow';
import { completenessView } from './completeness-view';
import { raciMatrix } from '../../domain/derivation/raci-matrix';
import { loadAll } from '../load-all';
import { procedureInstructionNodes, procedureStepNodes, wantedUnderSteps } from '../procedure-nodes';
import { selectedFields } from '../selection';

@Resolver(() => ProcedureNode)
export class ProcedureResolver {
  @Access('ORGANISATION')
  @Mutation(() => ProcedureNode, {
    description:
      'Derives a new procedure from one process or one workflow: one unassigned step per activity.',
  })
  async deriveProcedure(
    @Arg('input', () => DeriveProcedureInput) input: DeriveProcedureInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn(
      'Organisation',
      storedIdOf(input.organisationId, 'Organisation', 'input.organisationId'),
      'WRITE',
    );
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    return procedureNode(await deriveProcedure(em, { ...input, organisationId }));
  }

  @Access('ORGANISATION')
  @Mutation(() => ProcedureNode, {
    description:
      'Brings a procedure in line with its source, keeping every assignment and instruction: new activities ' +
      'become unassigned steps, steps whose activity left the path stay, marked obsolete. An up-to-date ' +
      'procedure is left untouched (its version does not change).',
  })
  async rederiveProcedure(
    @Arg('input', () => RederiveProcedureInput) input: RederiveProcedureInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn(
      'Procedure',
      storedIdOf(input.procedureId, 'Procedure', 'input.procedureId'),
      'WRITE',
    );
    return procedureNode(
      await rederiveProcedure(em, {
        procedureId: storedIdOf(input.procedureId, 'Procedure', 'input.procedureId'),
      }),
    );
  }

  @Access('ORGANISATION')
  @Mutation(() => ProcedureNode)
  async updateProcedure(
    @Arg('input', () => UpdateProcedureInput) input: UpdateProcedureInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Procedure', storedIdOf(input.id, 'Procedure', 'input.id'), 'WRITE');
    return procedureNode(
      await updateProcedure(em, { ...input, id: storedIdOf(input.id, 'Procedure', 'input.id') }),
    );
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean, {
    description: 'Deletes a procedure with its steps, responsibilities and work instructions.',
  })
  async deleteProcedure(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('Procedure', storedIdOf(input.id, 'Procedure', 'input.id'), 'WRITE');
    return deleteProcedure(em, { id: storedIdOf(input.id, 'Procedure', 'input.id'), version: input.version });
  }

  @Access('ORGANISATION')
  @Mutation(() => ProcedureNode, {
    description:
      'Removes an obsolete step with its responsibilities and work instructions. Live steps cannot be removed.',
  })
  async removeObsoleteStep(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn('ProcedureStep', storedIdOf(input.id, 'ProcedureStep', 'input.id'), 'WRITE');
    const id = storedIdOf(input.id, 'ProcedureStep', 'input.id');
    return procedureNode(await removeObsoleteStep(em, { id, version: input.version }));
  }

  @Access('ORGANISATION')
  @Mutation(() => ProcedureNode, {
    description: 'This role does all live steps of a process, with these letters.',
  })
  async assignRoleToProcess(
    @Arg('input', () => AssignRoleToProcessInput) input: AssignRoleToProcessInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn(
      'Procedure',
      storedIdOf(input.procedureId, 'Procedure', 'input.procedureId'),
      'WRITE',
    );
    return procedureNode(
      await assignRoleToProcess(em, {
        ...input,
        procedureId: storedIdOf(input.procedureId, 'Procedure', 'input.procedureId'),
        roleId: storedIdOf(input.roleId, 'Role', 'input.roleId'),
      }),
    );
  }

  @Access('ORGANISATION')
  @Mutation(() => ProcedureNode, {
    description: 'Creates the missing work instructions: one per live step and Responsible role. Idempotent.',
  })
  async deriveWorkInstructions(
    @Arg('input', () => DeriveWorkInstructionsInput) input: DeriveWorkInstructionsInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn(
      'Procedure',
      storedIdOf(input.procedureId, 'Procedure', 'input.procedureId'),
      'WRITE',
    );
    return procedureNode(
      await deriveWorkInstructions(em, {
        procedureId: storedIdOf(input.procedureId, 'Procedure', 'input.procedureId'),
        toolId: input.toolId ? storedIdOf(input.toolId, 'Tool', 'input.toolId') : null,
      }),
    );
  }

  @Access('ORGANISATION')
  @Mutation(() => ProcedureNode, { description: 'This tool is used for all live steps of a process.' })
  async assignToolToProcess(
    @Arg('input', () => AssignToolToProcessInput) input: AssignToolToProcessInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    await access.requireOn(
      'Procedure',
      storedIdOf(input.procedureId, 'Procedure', 'input.procedureId'),
      'WRITE',
    );
    return procedureNode(
      await assignToolToProcess(em, {
        procedureId: storedIdOf(input.procedureId, 'Procedure', 'input.procedureId'),
        toolId: storedIdOf(input.toolId, 'Tool', 'input.toolId'),
        processKey: input.processKey,
      }),
    );
  }

  @FieldResolver(() => OrganisationNode)
  async organisation(@Root() procedure: ProcedureNode, @Ctx() { loaders }: RequestContext) {
    return organisationNode((await loaders.organisation.load(procedure.organisationId))!);
  }

  @FieldResolver(() => ProcessNode, {
    nullable: true,
    description: 'The source process, for a process procedure.',
  })
  async sourceProcess(@Root() procedure: ProcedureNode, @Ctx() { loaders }: RequestContext) {
    if (!procedure.sourceProcessKey) return null;
    const model = await loaders.organisationModel.load(procedure.organisationId);
    return processNode(model.processes.get(procedure.sourceProcessKey)!);
  }

  @FieldResolver(() => WorkflowNode, {
    nullable: true,
    description: 'The source workflow, for a workflow procedure.',
  })
  async sourceWorkflow(@Root() procedure: ProcedureNode, @Ctx() { loaders }: RequestContext) {
    if (!procedure.sourceWorkflowId) return null;
    return workflowNode((await loaders.workflow.load(procedure.sourceWorkflowId))!);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the source has changed since the last derivation.',
  })
  async outOfDate(@Root() procedure: ProcedureNode, @Ctx() { loaders }: RequestContext) {
    return (await reasonsOutOfDate(loaders, procedure)).length > 0;
  }

  @FieldResolver(() => [String], { description: 'What changed in the source since the last derivation.' })
  outOfDateReasons(@Root() procedure: ProcedureNode, @Ctx() { loaders }: RequestContext) {
    return reasonsOutOfDate(loaders, procedure);
  }

  @FieldResolver(() => [ProcedureStepNode], { description: 'All steps in order, obsolete ones included.' })
  steps(
    @Root() procedure: ProcedureNode,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProcedureStepNode[]> {
    return procedureStepNodes(loaders, procedure.storedId, wantedUnderSteps(selectedFields(info)));
  }

  @FieldResolver(() => [WorkInstructionNode], { description: 'All work instructions, in step order.' })
  workInstructions(
    @Root() procedure: ProcedureNode,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WorkInstructionNode[]> {
    return procedureInstructionNodes(loaders, procedure.storedId, selectedFields(info).has('role'));
  }

  @FieldResolver(() => CompletenessView)
  async completeness(@Root() procedure: ProcedureNode, @Ctx() { loaders }: RequestContext) {
    const contents = await loaders.procedureContents.load(procedure.storedId);
    return completenessView(completenessOf(contents), contents.steps);
  }

  @FieldResolver(() => RaciMatrix, { description: 'Steps × roles, for the matrix and swimlane views.' })
  async raciMatrix(
    @Root() procedure: ProcedureNode,
    @Ctx() { loaders }: RequestContext,
  ): Promise<RaciMatrix> {
    const contents = await loaders.procedureContents.load(procedure.storedId);
    const assignments = [...contents.responsibilitiesByStep.values()].flat().map((responsibility) => ({
      stepId: responsibility.step.id,
      roleId: responsibility.role.id,
      raci: responsibility.raci,
    }));
    const roles = await loadAll(loaders.role, [
      ...new Set(assignments.map((assignment) => assignment.roleId)),
    ]);
    const matrix = raciMatrix(
      contents.steps.map((step) => step.id),
      assignments,
      new Map(roles.map((role) => [role.id, roleNode(role)])),
    );
    const steps = new Map(contents.steps.map((step) => [step.id, procedureStepNode(step)]));
    return {
      roles: matrix.roles,
      rows: matrix.rows.map((row) => ({
        step: steps.get(row.stepId)!,
        cells: row.cells.map((cell) => ({ role: cell.role, raci: [...cell.raci] })),
      })),
    };
  }
}
