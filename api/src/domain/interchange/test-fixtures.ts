/**
 * Shared by the interchange tests: the real reference model (reference-model.ts) as an OrganisationSnapshot,
 * with every workflow expanded by the real expansion, the four USM profiles as roles, two tools and two
 * procedures (workflow 3 and the Operate process) with responsibilities and work instructions.
 * Ids are readable (`RECOVER-3`, `role-operator`, `proc-w3`) so failing expectations are easy to read.
 */
import { referenceActivityId, referenceExpansionModel } from '../reference-expansion';
import {
  REFERENCE_HANDOVERS,
  REFERENCE_PROCESSES,
  REFERENCE_PROFILES,
  REFERENCE_WORKFLOWS,
} from '../reference-model';
import { PROCESS_ENTERED_BY, PROCESS_KEYS, type ProcessKey } from '../usm';
import { expandWorkflow } from '../workflow-expansion';
import type {
  OrganisationSnapshot,
  SnapshotProcedure,
  SnapshotProcedureStep,
  SnapshotWorkInstruction,
} from './snapshot';

export interface FixtureOptions {
  /** Puts `<script>`, quotes and ampersands into every kind of user text. */
  hostile?: boolean;
}

export const HOSTILE = `<script>alert("x")</script> & "quoted" 'single' <b>`;

export function roleIdOf(name: string): string {
  return `role-${name.toLowerCase().replace(/\s+/g, '-')}`;
}

export function referenceSnapshot(options: FixtureOptions = {}): OrganisationSnapshot {
  const hostile = options.hostile ? ` ${HOSTILE}` : '';
  const processes = REFERENCE_PROCESSES.map((process) => ({
    id: `process-${process.key}`,
    key: process.key,
    name: process.name,
    purpose: process.purpose,
    activities: process.activities.map((activity, index) => ({
      id: referenceActivityId(process.key, index + 1),
      position: index + 1,
      name: activity.name,
      description: activity.description + (index === 0 ? hostile : ''),
      handovers: REFERENCE_HANDOVERS.filter(
        (handover) => handover.process === process.key && handover.activityPosition === index + 1,
      ).map((handover) => ({
        id: `handover-${process.key}-${index + 1}-${handover.kind}-${handover.callType}`,
        callType: handover.callType,
        kind: handover.kind,
        target: PROCESS_ENTERED_BY[handover.callType],
      })),
    })),
  }));
  const expansion = referenceExpansionModel();
  const workflows = REFERENCE_WORKFLOWS.map((workflow) => ({
    id: `workflow-${workflow.number}`,
    number: workflow.number,
    name: workflow.name,
    trigger: workflow.trigger,
    startProcess: workflow.startProcess,
    reactive: workflow.reactive,
    forkChoices: PROCESS_KEYS.flatMap((process) => {
      const target = workflow.forkChoices[process];
      return target ? [{ process, target }] : [];
    }),
    steps: expandWorkflow(expansion, {
      startProcess: workflow.startProcess,
      forkChoices: workflow.forkChoices,
    }).map((step) => ({
      position: step.position,
      depth: step.depth,
      process: step.processKey,
      activityId: step.activityId,
    })),
  }));
  const roles = [
    ...REFERENCE_PROFILES,
    ...(options.hostile ? [{ name: `Hacker${hostile}`, description: HOSTILE }] : []),
  ]
    .map((profile) => ({ id: roleIdOf(profile.name), name: profile.name, description: profile.description }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const tools = [
    { id: 'tool-monitoring', name: 'Monitoring console', description: '' },
    { id: 'tool-desk', name: `Service desk suite${hostile}`, description: '' },
  ].sort((a, b) => a.name.localeCompare(b.name, 'en'));

  const activityName = new Map(
    processes.flatMap((process) =>
      process.activities.map((activity) => [activity.id, activity.name] as const),
    ),
  );
  const coordinator = roleIdOf('Workflow coordinator');
  const operator = roleIdOf('Operator');
  const team = roleIdOf('Team coordinator');

  const procedure = (
    id: string,
    name: string,
    source: SnapshotProcedure['source'],
    path: { depth: number; process: ProcessKey; activityId: string }[],
  ): SnapshotProcedure => {
    const visits = new Map<string, number>();
    const steps: SnapshotProcedureStep[] = path.map((step, index) => ({
      id: `${id}-step-${index + 1}`,
      occurrence:
        (visits.set(step.activityId, (visits.get(step.activityId) ?? 0) + 1), visits.get(step.activityId)!),
      activityDeleted: false,
      position: index + 1,
      depth: step.depth,
      process: step.process,
      activityId: step.activityId,
      name: activityName.get(step.activityId)!,
      obsolete: false,
      responsibilities: [
        // Role order (by name): Operator, Team coordinator, Workflow coordinator, Workflow manager.
        { roleId: operator, letters: 'R' },
        ...(index % 3 === 0 ? [{ roleId: team, letters: 'CI' }] : []),
        { roleId: coordinator, letters: index === 0 ? 'RA' : 'A' },
      ],
    }));
    const workInstructions: SnapshotWorkInstruction[] = steps.slice(0, 3).map((step, index) => ({
      id: `${id}-wi-${index + 1}`,
      stepId: step.id,
      roleId: operator,
      toolIds: index === 0 ? ['tool-monitoring', 'tool-desk'] : index === 1 ? ['tool-desk'] : [],
      text:
        index === 0
          ? `## Steps\n\n1. Open the *ticket*\n2. Set **priority** with \`usm classify\`\n\nSee [the guide](https://example.org/guide?a=1&b=2).${hostile}`
          : index === 1
            ? `- check [this](javascript:alert(1))\n- and <img src=x onerror="alert(1)">`
            : '',
      obsolete: false,
    }));
    return { id, name, source, steps, workInstructions };
  };

  const workflow3 = workflows.find((workflow) => workflow.number === 3)!;
  const operate = processes.find((process) => process.key === 'OPERATE')!;
  const procedures = [
    procedure(
      'proc-w3',
      `Incident with a change${hostile}`,
      { kind: 'WORKFLOW', workflowNumber: 3 },
      workflow3.steps,
    ),
    procedure(
      'proc-operate',
      'Operate routine',
      { kind: 'PROCESS', process: 'OPERATE' },
      operate.activities.map((activity) => ({
        depth: 0,
        process: 'OPERATE' as const,
        activityId: activity.id,
      })),
    ),
  ];
  // An obsolete step at the end of the Operate procedure: its activity was deleted since.
  const operateProcedure = procedures[1]!;
  operateProcedure.steps.push({
    id: 'proc-operate-step-old',
    position: operateProcedure.steps.length + 1,
    depth: 0,
    process: 'OPERATE',
    activityId: 'OPERATE-deleted',
    name: 'Archive paperwork',
    occurrence: 1,
    activityDeleted: true,
    obsolete: true,
    responsibilities: [{ roleId: operator, letters: 'R' }],
  });
  procedures.sort((a, b) => a.name.localeCompare(b.name, 'en'));

  return {
    id: 'org-1',
    name: `Reference Co${hostile}`,
    processes,
    workflows,
    roles,
    tools,
    procedures,
    canvasArrangement: null,
  };
}
