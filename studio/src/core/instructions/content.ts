/** What an instruction edit changes, and the checks its undo and redo make before they write. */
import { ConflictError, MissingObjectError } from '../errors';
import type { InstructionGateway, InstructionSnapshot } from './gateway';

export interface InstructionContent {
  readonly text: string;
  readonly toolIds: readonly string[];
}

/** A work instruction's identity within its procedure: its step and role (derive creates one per pair). */
export interface InstructionKey {
  readonly id: string;
  readonly stepId: string;
  readonly roleId: string;
}

export function keyOf(instruction: InstructionSnapshot): InstructionKey {
  return { id: instruction.id, stepId: instruction.stepId, roleId: instruction.roleId };
}

export function contentOf(instruction: InstructionSnapshot): InstructionContent {
  return { text: instruction.text, toolIds: [...instruction.toolIds] };
}

/** The same tools, in any order. */
export function sameTools(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

export function sameContent(a: InstructionContent, b: InstructionContent): boolean {
  return a.text === b.text && sameTools(a.toolIds, b.toolIds);
}

export async function instructionOrFail(
  gateway: InstructionGateway,
  id: string,
): Promise<InstructionSnapshot> {
  const instruction = await gateway.workInstruction(id);
  if (!instruction) {
    throw new MissingObjectError('The work instruction no longer exists: someone may have deleted it.');
  }
  return instruction;
}

/**
 * Undo and redo write only over what the command left (or found): if the instruction now says something
 * else, someone changed it meanwhile and their change is kept.
 */
export function expectContent(
  edit: string,
  objectName: string,
  instruction: InstructionSnapshot,
  expected: InstructionContent,
): void {
  if (!sameContent(contentOf(instruction), expected)) {
    throw new ConflictError(edit, objectName, instruction.version, null);
  }
}
