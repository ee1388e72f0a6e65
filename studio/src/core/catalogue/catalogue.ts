/** Roles and tools as lists: filtering, usage counts and the sentences the view shows. */
import { NAME_MAX_LENGTH } from '../rules';
import type { CatalogueImpact, CatalogueKind } from './gateway';

/** Lists longer than this get a filter box. */
export const FILTER_THRESHOLD = 8;
export const DESCRIPTION_MAX_LENGTH = 4000;

export const KIND_LABELS: Readonly<Record<CatalogueKind, string>> = { role: 'role', tool: 'tool' };

/** The entries whose name or description contains the query (ignoring case and surrounding spaces). */
export function filterEntries<T extends { name: string; description: string }>(
  entries: readonly T[],
  query: string,
): T[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [...entries];
  return entries.filter(
    (entry) =>
      entry.name.toLocaleLowerCase().includes(needle) ||
      entry.description.toLocaleLowerCase().includes(needle),
  );
}

/** Why a name cannot be saved, or null when it can. */
export function entryNameProblem(kind: CatalogueKind, name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return `A ${kind} needs a name.`;
  if (trimmed.length > NAME_MAX_LENGTH) return `A name has at most ${NAME_MAX_LENGTH} characters.`;
  return null;
}

export function descriptionProblem(description: string): string | null {
  const length = description.trim().length;
  return length > DESCRIPTION_MAX_LENGTH
    ? `The description is ${length} characters long; at most ${DESCRIPTION_MAX_LENGTH} are allowed.`
    : null;
}

export interface RoleUsage {
  assignments: number;
  procedures: number;
}

/** A role's assignments (one per step it holds letters on) and the procedures they are in. */
export function roleUsage(assignments: readonly { procedure: { id: string } }[]): RoleUsage {
  return {
    assignments: assignments.length,
    procedures: new Set(assignments.map((assignment) => assignment.procedure.id)).size,
  };
}

/** How many work instructions use each tool, over all procedures. */
export function toolUsage(
  procedures: readonly { workInstructions: readonly { tools: readonly { id: string }[] }[] }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const procedure of procedures) {
    for (const instruction of procedure.workInstructions) {
      for (const toolId of new Set(instruction.tools.map((tool) => tool.id))) {
        counts.set(toolId, (counts.get(toolId) ?? 0) + 1);
      }
    }
  }
  return counts;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function roleUsageText(usage: RoleUsage): string {
  if (usage.assignments === 0) return 'Not assigned';
  return `${plural(usage.assignments, 'assignment')} in ${plural(usage.procedures, 'procedure')}`;
}

export function toolUsageText(workInstructions: number): string {
  return workInstructions === 0 ? 'Not used' : `Used in ${plural(workInstructions, 'work instruction')}`;
}

/** Whether anything depends on the entry (then the API refuses to delete it). */
export function inUse(impact: CatalogueImpact): boolean {
  return impact.procedures.length > 0 || impact.stepCount > 0 || impact.workInstructionCount > 0;
}

/** One sentence on what deleting the entry would affect, for the confirmation dialog. */
export function impactSummary(kind: CatalogueKind, name: string, impact: CatalogueImpact): string {
  if (!inUse(impact)) return `Nothing uses the ${kind} “${name}”: deleting it affects no procedure.`;
  const names = impact.procedures.slice(0, 3).map((procedure) => `“${procedure.name}”`);
  const more = impact.procedures.length > 3 ? ` and ${impact.procedures.length - 3} more` : '';
  const list = names.length > 0 ? ` (${names.join(', ')}${more})` : '';
  return (
    `The ${kind} “${name}” is used by ${plural(impact.procedures.length, 'procedure')}${list}: ` +
    `${plural(impact.stepCount, 'step')} and ${plural(impact.workInstructionCount, 'work instruction')}. ` +
    `Remove it from them before deleting it.`
  );
}
