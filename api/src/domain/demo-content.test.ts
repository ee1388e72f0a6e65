import { describe, expect, it } from 'vitest';
import {
  DEMO_PROCEDURES,
  DEMO_RESPONSIBILITIES,
  DEMO_ROLES,
  DEMO_TOOLS,
  DEMO_WORK_INSTRUCTIONS,
  DEMO_WORKFLOW_NUMBER,
  demoAssignmentsOf,
  demoInstructionOf,
  type DemoProcedure,
} from './demo-content';
import { deriveSteps, type DerivationSource, type DerivedStep } from './derivation/derive';
import { measureCompleteness } from './derivation/completeness';
import { assertSingleAccountable, normaliseRaci, type Raci } from './derivation/responsibilities';
import { referenceDerivationModel } from './derivation/test-fixtures';
import { REFERENCE_PROCESSES, REFERENCE_PROFILES, REFERENCE_WORKFLOWS } from './reference-model';
import { sameName } from './validation';

const ROLE_NAMES = [
  ...REFERENCE_PROFILES.map((profile) => profile.name),
  ...DEMO_ROLES.map((role) => role.name),
];
const TOOL_NAMES = DEMO_TOOLS.map((tool) => tool.name);
/** A text longer than the sample note alone: it has instructions after it. */
const SAMPLE_NOTE_LENGTH = 80;

function referenceActivityExists(processKey: string, position: number): boolean {
  const process = REFERENCE_PROCESSES.find((candidate) => candidate.key === processKey);
  return !!process && Number.isInteger(position) && position >= 1 && position <= process.activities.length;
}

function sourceOf(procedure: DemoProcedure): DerivationSource {
  if (procedure.source.kind === 'PROCESS') return procedure.source;
  const number = procedure.source.workflowNumber;
  const workflow = REFERENCE_WORKFLOWS.find((candidate) => candidate.number === number)!;
  return {
    kind: 'WORKFLOW',
    route: { startProcess: workflow.startProcess, forkChoices: workflow.forkChoices },
  };
}

/** The reference derivation gives activity ids like `RECOVER-3`: process key and position. */
function positionOf(step: DerivedStep): number {
  return Number(step.activityId.slice(step.activityId.lastIndexOf('-') + 1));
}

function derived(procedure: DemoProcedure): DerivedStep[] {
  return deriveSteps(referenceDerivationModel(), sourceOf(procedure));
}

describe('demo catalogue', () => {
  it('adds sample roles and tools with names unique within the organisation, ignoring case', () => {
    expect(DEMO_ROLES.length).toBeGreaterThan(0);
    expect(TOOL_NAMES).toEqual(
      expect.arrayContaining([
        'Service desk tool',
        'Monitoring tool',
        'Change calendar',
        'Knowledge base',
        'CMDB',
      ]),
    );
    for (const names of [ROLE_NAMES, TOOL_NAMES]) {
      for (const [index, name] of names.entries()) {
        expect(names.slice(index + 1).some((other) => sameName(other, name))).toBe(false);
      }
    }
  });

  it('marks every sample text as sample content', () => {
    for (const entry of [...DEMO_ROLES, ...DEMO_TOOLS]) expect(entry.description).toMatch(/^Sample /);
    for (const procedure of DEMO_PROCEDURES) expect(procedure.name).toMatch(/^Sample procedure: /);
    for (const instruction of DEMO_WORK_INSTRUCTIONS) {
      expect(instruction.text).toMatch(/^_Sample instruction.*not USM content\._/);
    }
  });
});

describe('demo references', () => {
  it('names only activities, roles, tools and workflows that exist', () => {
    for (const entry of DEMO_RESPONSIBILITIES) {
      expect(
        referenceActivityExists(entry.processKey, entry.position),
        `${entry.processKey}#${entry.position}`,
      ).toBe(true);
      for (const assignment of entry.assignments) expect(ROLE_NAMES).toContain(assignment.role);
    }
    for (const instruction of DEMO_WORK_INSTRUCTIONS) {
      expect(referenceActivityExists(instruction.processKey, instruction.position)).toBe(true);
      expect(ROLE_NAMES).toContain(instruction.role);
      for (const tool of instruction.tools) expect(TOOL_NAMES).toContain(tool);
    }
    for (const procedure of DEMO_PROCEDURES) {
      if (procedure.source.kind === 'WORKFLOW') {
        expect(REFERENCE_WORKFLOWS.map((workflow) => workflow.number)).toContain(
          procedure.source.workflowNumber,
        );
      }
    }
  });

  it('staffs every activity of the reference model exactly once', () => {
    const expected = REFERENCE_PROCESSES.flatMap((process) =>
      process.activities.map((_, index) => `${process.key}#${index + 1}`),
    );
    expect(DEMO_RESPONSIBILITIES.map((entry) => `${entry.processKey}#${entry.position}`).sort()).toEqual(
      expected.sort(),
    );
  });

  it('derives procedures for the five processes and workflow 3 (22 steps)', () => {
    const sources = DEMO_PROCEDURES.map((procedure) => procedure.source);
    expect(sources).toEqual([
      { kind: 'PROCESS', processKey: 'AGREE' },
      { kind: 'PROCESS', processKey: 'CHANGE' },
      { kind: 'PROCESS', processKey: 'RECOVER' },
      { kind: 'PROCESS', processKey: 'OPERATE' },
      { kind: 'PROCESS', processKey: 'IMPROVE' },
      { kind: 'WORKFLOW', workflowNumber: DEMO_WORKFLOW_NUMBER },
    ]);
    expect(derived(DEMO_PROCEDURES.at(-1)!)).toHaveLength(22);
  });
});

describe('demo RACI', () => {
  it('gives each step valid letters: each role once, letters normalised, one Accountable, ≥1 Responsible', () => {
    for (const entry of DEMO_RESPONSIBILITIES) {
      const label = `${entry.processKey}#${entry.position}`;
      const roles = entry.assignments.map((assignment) => assignment.role);
      expect(new Set(roles).size, label).toBe(roles.length);
      // Assigned one role after the other, as the service does: the single-Accountable rule never refuses.
      const current = new Map<string, readonly Raci[]>();
      for (const assignment of entry.assignments) {
        expect(assignment.raci.length, label).toBeGreaterThan(0);
        expect(normaliseRaci(assignment.raci), label).toEqual(assignment.raci);
        expect(() => assertSingleAccountable(label, current, assignment.role, assignment.raci)).not.toThrow();
        current.set(assignment.role, assignment.raci);
      }
      expect(
        entry.assignments.filter((assignment) => assignment.raci.includes('A')),
        label,
      ).toHaveLength(1);
      expect(
        entry.assignments.some((assignment) => assignment.raci.includes('R')),
        label,
      ).toBe(true);
    }
  });

  it('completes WHO on every step of every demo procedure, and HOW on the Recover procedure', () => {
    for (const procedure of DEMO_PROCEDURES) {
      const steps = derived(procedure).map((step, index) => ({ ...step, id: `s${index}`, obsolete: false }));
      const responsibilities = steps.flatMap((step) =>
        demoAssignmentsOf(step.processKey, positionOf(step)).map((assignment) => ({
          stepId: step.id,
          roleId: assignment.role,
          raci: assignment.raci,
        })),
      );
      const instructions = procedure.withWorkInstructions
        ? responsibilities
            .filter((row) => row.raci.includes('R'))
            .map((row) => {
              const step = steps.find((candidate) => candidate.id === row.stepId)!;
              const sample = demoInstructionOf(step.processKey, positionOf(step), row.roleId);
              return {
                stepId: row.stepId,
                roleId: row.roleId,
                toolCount: sample?.tools.length ?? 0,
                text: sample?.text ?? '',
              };
            })
        : [];
      const completeness = measureCompleteness(steps, responsibilities, instructions);
      expect(completeness.whoGaps, procedure.name).toBe(0);
      expect(completeness.howGaps, procedure.name).toBe(procedure.withWorkInstructions ? 0 : steps.length);
    }
    expect(
      DEMO_PROCEDURES.filter((procedure) => procedure.withWorkInstructions).map((p) => p.source),
    ).toEqual([{ kind: 'PROCESS', processKey: 'RECOVER' }]);
  });

  it('writes instructions only for Responsible roles, each with tools and text', () => {
    for (const instruction of DEMO_WORK_INSTRUCTIONS) {
      const assignment = demoAssignmentsOf(instruction.processKey, instruction.position).find(
        (candidate) => candidate.role === instruction.role,
      );
      expect(assignment?.raci).toContain('R');
      expect(instruction.tools.length).toBeGreaterThan(0);
      expect(instruction.text.trim().length).toBeGreaterThan(SAMPLE_NOTE_LENGTH);
    }
  });
});
