/**
 * The HOW gaps of a procedure, computed from what the API answers: which steps and work instructions still
 * lack a tool or a text, which Responsible roles have no instruction yet (derive creates those), and which
 * steps cannot have a HOW because WHO comes first (no Responsible role). The rules follow the API's
 * completeness check (docs/derivation.md): live steps only; obsolete instructions never count.
 */
import type { ProcessKey } from '../usm';

export type Raci = 'R' | 'A' | 'C' | 'I';

export interface NamedRef {
  readonly id: string;
  readonly name: string;
}

export interface InstructionData {
  readonly id: string;
  readonly version: number;
  readonly text: string;
  readonly obsolete: boolean;
  readonly role: NamedRef;
  readonly tools: readonly NamedRef[];
}

export interface StepData {
  readonly id: string;
  readonly position: number;
  readonly depth: number;
  readonly obsolete: boolean;
  readonly derivedName: string;
  readonly process: { readonly key: ProcessKey; readonly name: string };
  readonly responsibilities: readonly { readonly raci: readonly Raci[]; readonly role: NamedRef }[];
  readonly workInstructions: readonly InstructionData[];
}

export type InstructionGap = 'no-tool' | 'no-text';

export const GAP_LABELS: Readonly<Record<InstructionGap, string>> = {
  'no-tool': 'No tool',
  'no-text': 'No instruction text',
};

export function instructionGaps(instruction: Pick<InstructionData, 'text' | 'tools'>): InstructionGap[] {
  const gaps: InstructionGap[] = [];
  if (instruction.tools.length === 0) gaps.push('no-tool');
  if (instruction.text.trim() === '') gaps.push('no-text');
  return gaps;
}

export interface StepHow {
  readonly step: StepData;
  /** The roles holding R on the step, in the order assigned. */
  readonly responsibleRoles: readonly NamedRef[];
  /** A live step without a Responsible role: WHO has to be filled in before HOW. */
  readonly whoFirst: boolean;
  /** Responsible roles that have no work instruction yet (derive creates them). */
  readonly missingRoles: readonly NamedRef[];
  /** The step's instructions, live ones first (one per role), each with its gaps. */
  readonly instructions: readonly { instruction: InstructionData; gaps: readonly InstructionGap[] }[];
  /** The gaps of the step as a whole (the union over its live instructions). */
  readonly gaps: readonly InstructionGap[];
  /** Passes the API's HOW check. */
  readonly complete: boolean;
}

export function stepHow(step: StepData): StepHow {
  const responsibleRoles = step.responsibilities
    .filter((responsibility) => responsibility.raci.includes('R'))
    .map((responsibility) => responsibility.role);
  const instructions = [...step.workInstructions]
    .sort((a, b) => Number(a.obsolete) - Number(b.obsolete))
    .map((instruction) => ({ instruction, gaps: instruction.obsolete ? [] : instructionGaps(instruction) }));
  const live = instructions.filter(({ instruction }) => !instruction.obsolete);
  const missingRoles = step.obsolete
    ? []
    : responsibleRoles.filter((role) => !live.some(({ instruction }) => instruction.role.id === role.id));
  const gaps = (['no-tool', 'no-text'] as const).filter((gap) =>
    live.some((entry) => entry.gaps.includes(gap)),
  );
  const whoFirst = !step.obsolete && responsibleRoles.length === 0;
  const complete =
    !step.obsolete &&
    !whoFirst &&
    missingRoles.length === 0 &&
    responsibleRoles.every((role) =>
      live.some(({ instruction, gaps: own }) => instruction.role.id === role.id && own.length === 0),
    );
  return { step, responsibleRoles, whoFirst, missingRoles, instructions, gaps, complete };
}

/** The steps in position order, each with its HOW. */
export function procedureHow(steps: readonly StepData[]): StepHow[] {
  return [...steps].sort((a, b) => a.position - b.position).map(stepHow);
}

export interface HowSummary {
  readonly liveSteps: number;
  /** Live steps passing the HOW check. */
  readonly completeSteps: number;
  /** Live steps that have no Responsible role yet. */
  readonly whoFirstSteps: number;
  /** Live work instructions, and those with at least one tool and a text. */
  readonly instructions: number;
  readonly completeInstructions: number;
  /** Responsible roles on live steps without an instruction: what "Derive work instructions" creates. */
  readonly missingInstructions: number;
  readonly obsoleteInstructions: number;
}

export function howSummary(steps: readonly StepHow[]): HowSummary {
  const live = steps.filter((entry) => !entry.step.obsolete);
  const all = steps.flatMap((entry) => entry.instructions);
  const liveInstructions = all.filter(({ instruction }) => !instruction.obsolete);
  return {
    liveSteps: live.length,
    completeSteps: live.filter((entry) => entry.complete).length,
    whoFirstSteps: live.filter((entry) => entry.whoFirst).length,
    instructions: liveInstructions.length,
    completeInstructions: liveInstructions.filter(({ gaps }) => gaps.length === 0).length,
    missingInstructions: live.reduce((sum, entry) => sum + entry.missingRoles.length, 0),
    obsoleteInstructions: all.length - liveInstructions.length,
  };
}
