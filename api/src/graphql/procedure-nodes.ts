import type { WorkInstruction } from '../persistence/entities';
import type { ProcedureContents } from '../services/procedure-contents';
import type { Loaders } from './loaders';
import { activityNode, procedureStepNode, roleNode, toolNode, workInstructionNode } from './mappers';
import type { ActivityNode, RoleNode } from './types/model';
import type { ProcedureStepNode, WorkInstructionNode } from './types/procedure';

/**
 * A procedure's steps and work instructions as GraphQL objects, with what their fields will ask for
 * (activity, responsibilities with roles, instructions with role and tools) already attached when it is
 * selected. Whole-model reads resolve tens of thousands of steps: loading their relations here, once per
 * procedure and batched over all procedures (the same statements as field by field), lets every field
 * below the step answer synchronously, without a promise, a DataLoader call and a mapped object per field.
 * The field resolvers fall back to loading on demand when nothing was attached (e.g. a mutation's result).
 */

/** What to attach, from the fields selected under `steps` / `workInstructions`. */
export interface Wanted {
  activity: boolean;
  responsibilities: boolean;
  workInstructions: boolean;
}

const NOTHING: Wanted = { activity: false, responsibilities: false, workInstructions: false };

export function wantedUnderSteps(selected: ReadonlySet<string>): Wanted {
  return {
    activity: selected.has('activity'),
    responsibilities: selected.has('responsibilities'),
    workInstructions: selected.has('workInstructions'),
  };
}

export async function procedureStepNodes(
  loaders: Loaders,
  procedureId: string,
  wanted: Wanted = NOTHING,
): Promise<ProcedureStepNode[]> {
  const contents = await loaders.procedureContents.load(procedureId);
  if (!wanted.activity && !wanted.responsibilities && !wanted.workInstructions) {
    return contents.steps.map((step) => procedureStepNode(step));
  }
  const roles =
    wanted.responsibilities || wanted.workInstructions ? await roleNodes(loaders, procedureId) : null;
  const activities = wanted.activity ? await activityNodes(loaders, procedureId) : null;
  return contents.steps.map((step) => {
    const node = procedureStepNode(step);
    node.preloaded = {};
    if (activities) node.preloaded.activity = activities(step.activity.id);
    if (wanted.responsibilities) {
      node.preloaded.responsibilities = (contents.responsibilitiesByStep.get(step.id) ?? []).map(
        (responsibility) => ({ role: roles!(responsibility.role.id), raci: responsibility.raci }),
      );
    }
    if (wanted.workInstructions) {
      node.preloaded.workInstructions = (contents.instructionsByStep.get(step.id) ?? []).map((instruction) =>
        instructionNode(loaders, contents, instruction, roles!),
      );
    }
    return node;
  });
}

/** All work instructions of a procedure in step order, with role (when wanted) and tools attached. */
export async function procedureInstructionNodes(
  loaders: Loaders,
  procedureId: string,
  withRoles: boolean,
): Promise<WorkInstructionNode[]> {
  const contents = await loaders.procedureContents.load(procedureId);
  if (!withRoles) {
    return contents.steps.flatMap((step) =>
      (contents.instructionsByStep.get(step.id) ?? []).map((instruction) => workInstructionNode(instruction)),
    );
  }
  const roles = await roleNodes(loaders, procedureId);
  return contents.steps.flatMap((step) =>
    (contents.instructionsByStep.get(step.id) ?? []).map((instruction) =>
      instructionNode(loaders, contents, instruction, roles),
    ),
  );
}

function instructionNode(
  loaders: Loaders,
  contents: ProcedureContents,
  instruction: WorkInstruction,
  roles: NodesById<RoleNode>,
): WorkInstructionNode {
  const node = workInstructionNode(instruction);
  node.preloaded = {
    role: roles(instruction.role.id),
    tools: (contents.toolsByInstruction.get(instruction.id) ?? []).map((tool) =>
      memoised(loaders, tool, toolNode),
    ),
  };
  return node;
}

/** The roles named by the procedure's responsibilities and instructions, one object per role. */
async function roleNodes(loaders: Loaders, procedureId: string): Promise<NodesById<RoleNode>> {
  const roles = await loaders.rolesOfProcedure.load(procedureId);
  return (id) => memoised(loaders, roles.get(id)!, roleNode);
}

/** The steps' activities (deleted ones included), one object per activity. */
async function activityNodes(loaders: Loaders, procedureId: string): Promise<NodesById<ActivityNode>> {
  const activities = await loaders.activitiesOfProcedure.load(procedureId);
  return (id) => memoised(loaders, activities.get(id)!, activityNode);
}

type NodesById<N> = (storedId: string) => N;

/** One GraphQL object per entity and request (graphql-js never changes the objects it resolves). */
function memoised<E extends object, N extends object>(loaders: Loaders, entity: E, map: (entity: E) => N): N {
  let node = loaders.nodes.get(entity) as N | undefined;
  if (!node) {
    node = map(entity);
    loaders.nodes.set(entity, node);
  }
  return node;
}
