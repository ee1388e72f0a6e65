/**
 * The derivation walkthrough: one procedure shown in three stages — WHAT (the steps, from the process
 * model), WHO (swimlanes per Responsible role: what the procedure adds), HOW (tools and instruction
 * snippets from the work instructions). The layout places every step card in each stage, keyed by the step,
 * so moving from one stage to the next only moves cards (into their lanes) and fades new things in.
 * The lanes are the procedure views' own (core/procedures/lanes); the HOW check is the instruction views'.
 */
import { stepHow, type StepHow } from '../instructions/gaps';
import type { PageStep } from '../procedures/page';
import type { Raci } from '../procedures/raci';
import { swimlanes, UNASSIGNED_LANE } from '../procedures/lanes';
import type { ProcessKey } from '../usm';

export type DerivationStage = 1 | 2 | 3;

export const DERIVATION_STAGES: readonly {
  readonly stage: DerivationStage;
  readonly key: 'WHAT' | 'WHO' | 'HOW';
  readonly title: string;
  readonly lead: string;
}[] = [
  {
    stage: 1,
    key: 'WHAT',
    title: 'WHAT: the steps',
    lead: 'The process model alone: the activities in order, grouped by the process they belong to.',
  },
  {
    stage: 2,
    key: 'WHO',
    title: 'WHO: roles and swimlanes',
    lead: 'The procedure adds who does each step: a lane per Responsible role, and the other roles’ letters.',
  },
  {
    stage: 3,
    key: 'HOW',
    title: 'HOW: tools and instructions',
    lead: 'The work instructions add how each role does its step: the tools it uses and what to do.',
  },
];

export function stageInfo(stage: DerivationStage) {
  return DERIVATION_STAGES[stage - 1]!;
}

export function clampStage(stage: number): DerivationStage {
  if (!Number.isFinite(stage)) return 1;
  return Math.min(Math.max(Math.trunc(stage), 1), 3) as DerivationStage;
}

/** The ?stage=1|2|3 of a location search; 1 when absent or not a number. */
export function stageFromSearch(search: string): DerivationStage {
  const raw = new URLSearchParams(search).get('stage');
  return clampStage(raw === null ? 1 : Number(raw));
}

export interface DerivationInstruction {
  readonly id: string;
  readonly text: string;
  readonly obsolete: boolean;
  readonly role: { readonly id: string; readonly name: string };
  readonly tools: readonly { readonly id: string; readonly name: string }[];
}

/** A live step of the procedure, as the walkthrough reads it. */
export interface DerivationStep {
  readonly id: string;
  readonly position: number;
  readonly depth: number;
  readonly name: string;
  readonly description: string;
  readonly processKey: ProcessKey;
  readonly processName: string;
  readonly responsibilities: readonly {
    readonly roleId: string;
    readonly roleName: string;
    readonly raci: readonly Raci[];
  }[];
  readonly instructions: readonly DerivationInstruction[];
}

export const DERIVATION_SIZES = {
  groupHeader: 40,
  laneTitle: 170,
  column: 196,
  cardWidth: 180,
  gap: 12,
  cardHeight: { 1: 92, 2: 112, 3: 190 } as Record<DerivationStage, number>,
};

export interface ProcessGroup {
  readonly key: string;
  readonly processKey: ProcessKey;
  readonly processName: string;
  readonly firstColumn: number;
  readonly lastColumn: number;
  readonly x: number;
  readonly width: number;
}

export interface LanePlace {
  readonly key: string;
  readonly roleId: string | null;
  readonly title: string;
  readonly y: number;
  readonly height: number;
}

export interface CardPlace {
  /** The step id for a step's first card; `stepId@laneKey` for its copy in another Responsible role's lane. */
  readonly key: string;
  readonly step: DerivationStep;
  readonly column: number;
  /** The lane's role (null: no lane, or the lane of steps no one is Responsible for). */
  readonly laneRoleId: string | null;
  readonly copy: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DerivationLayout {
  readonly width: number;
  readonly height: number;
  readonly groups: readonly ProcessGroup[];
  readonly lanes: readonly LanePlace[];
  readonly cards: readonly CardPlace[];
}

/** The steps grouped by process, as they follow one another (a workflow's steps leave and re-enter). */
export function processGroups(steps: readonly DerivationStep[]): ProcessGroup[] {
  const { laneTitle, column, cardWidth } = DERIVATION_SIZES;
  const groups: ProcessGroup[] = [];
  ordered(steps).forEach((step, index) => {
    const columnNumber = index + 1;
    const last = groups[groups.length - 1];
    if (last && last.processKey === step.processKey) {
      groups[groups.length - 1] = {
        ...last,
        lastColumn: columnNumber,
        width: (columnNumber - last.firstColumn) * column + cardWidth,
      };
    } else {
      groups.push({
        key: `${step.processKey}@${columnNumber}`,
        processKey: step.processKey,
        processName: step.processName,
        firstColumn: columnNumber,
        lastColumn: columnNumber,
        x: laneTitle + (columnNumber - 1) * column,
        width: cardWidth,
      });
    }
  });
  return groups;
}

export function derivationLayout(steps: readonly DerivationStep[], stage: DerivationStage): DerivationLayout {
  const { groupHeader, laneTitle, column, cardWidth, gap } = DERIVATION_SIZES;
  const cardHeight = DERIVATION_SIZES.cardHeight[stage];
  const laneHeight = cardHeight + 2 * gap;
  const steps_ = ordered(steps);
  const columnOf = new Map(steps_.map((step, index) => [step.id, index + 1]));
  const xOf = (columnNumber: number) => laneTitle + (columnNumber - 1) * column;
  const width = laneTitle + Math.max(steps_.length, 1) * column;
  const groups = processGroups(steps_);

  if (stage === 1) {
    const y = groupHeader + gap;
    return {
      width,
      height: y + cardHeight + gap,
      groups,
      lanes: [],
      cards: steps_.map((step) => ({
        key: step.id,
        step,
        column: columnOf.get(step.id)!,
        laneRoleId: null,
        copy: false,
        x: xOf(columnOf.get(step.id)!),
        y,
        width: cardWidth,
        height: cardHeight,
      })),
    };
  }

  const byId = new Map(steps_.map((step) => [step.id, step]));
  const lanes = swimlanes(steps_.map(pageStepOf)).lanes.filter(
    (lane) => lane.key !== UNASSIGNED_LANE || lane.steps.length > 0,
  );
  const placed = new Set<string>();
  const cards: CardPlace[] = [];
  const lanePlaces = lanes.map((lane, index) => {
    const y = groupHeader + index * laneHeight;
    for (const entry of lane.steps) {
      const step = byId.get(entry.step.id)!;
      const copy = placed.has(step.id);
      placed.add(step.id);
      cards.push({
        key: copy ? `${step.id}@${lane.key}` : step.id,
        step,
        column: entry.column,
        laneRoleId: lane.roleId,
        copy,
        x: xOf(entry.column),
        y: y + gap,
        width: cardWidth,
        height: cardHeight,
      });
    }
    return { key: lane.key, roleId: lane.roleId, title: lane.title, y, height: laneHeight };
  });
  return {
    width,
    height: groupHeader + Math.max(lanes.length, 1) * laneHeight,
    groups,
    lanes: lanePlaces,
    cards: cards.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

/** The letters of each role on a step other than the lane's own R: 'A · Process manager'. */
export function lettersOn(step: DerivationStep): { roleId: string; roleName: string; code: string }[] {
  return step.responsibilities
    .filter((held) => held.raci.length > 0)
    .map((held) => ({
      roleId: held.roleId,
      roleName: held.roleName,
      code: (['R', 'A', 'C', 'I'] as const).filter((letter) => held.raci.includes(letter)).join(''),
    }));
}

/** The HOW of a step as the lane of `roleId` shows it: that role's live instruction, and the step's check. */
export function howIn(
  step: DerivationStep,
  roleId: string | null,
): { how: StepHow; instruction: DerivationInstruction | null; snippet: string } {
  const how = stepHow({
    id: step.id,
    position: step.position,
    depth: step.depth,
    obsolete: false,
    derivedName: step.name,
    process: { key: step.processKey, name: step.processName },
    responsibilities: step.responsibilities.map((held) => ({
      raci: held.raci,
      role: { id: held.roleId, name: held.roleName },
    })),
    workInstructions: step.instructions.map((instruction) => ({ ...instruction, version: 0 })),
  });
  const instruction =
    step.instructions.find((candidate) => !candidate.obsolete && candidate.role.id === roleId) ?? null;
  return { how, instruction, snippet: instruction ? instructionSnippet(instruction.text) : '' };
}

/**
 * The first lines of a Markdown instruction as plain text, for a card: headings, list marks, emphasis,
 * code marks and link targets are dropped; cut at a word near `max` characters with an ellipsis.
 */
export function instructionSnippet(text: string, max = 140): string {
  const plain = text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__|\*|_|`)/g, '')
        .trim(),
    )
    .filter((line) => line !== '')
    .join(' ');
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

function ordered(steps: readonly DerivationStep[]): DerivationStep[] {
  return [...steps].sort((a, b) => a.position - b.position);
}

function pageStepOf(step: DerivationStep): PageStep {
  return {
    id: step.id,
    version: 0,
    position: step.position,
    depth: step.depth,
    name: step.name,
    obsolete: false,
    processKey: step.processKey,
    processName: step.processName,
    responsibilities: step.responsibilities,
  };
}
