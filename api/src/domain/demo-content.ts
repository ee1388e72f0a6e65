/**
 * The sample content of a demo organisation (issue 6, item 4): sample roles and tools, the procedures a
 * trainer derives in class, who does what on their steps (RACI) and work instructions for the Recover
 * procedure. Plain data, named by process key and activity position (1-based, as in the reference model),
 * and applied with the ordinary derivation services, so a demo is exactly what a user would build by hand.
 *
 * Everything here is ours and is sample content, never USM content: every description says "Sample".
 * USM prescribes one Accountable and at least one Responsible per activity but says nothing about which
 * profile takes which step; every assignment below is an illustration. Our choice: the workflow coordinator
 * is Accountable throughout (USM has that profile own what the workflow delivers); the rest is ours too.
 */
import type { Raci } from './derivation/responsibilities';
import { PROCESS_NAMES, REFERENCE_PROFILES, REFERENCE_WORKFLOWS } from './reference-model';
import type { ProcessKey } from './usm';

export interface DemoCatalogEntry {
  name: string;
  description: string;
}

/** An activity of the reference model: its process and its 1-based position there. */
export interface DemoActivityRef {
  processKey: ProcessKey;
  position: number;
}

export interface DemoAssignment {
  /** A role name: one of the four USM profiles or one of DEMO_ROLES. */
  role: string;
  raci: readonly Raci[];
}

export interface DemoStepResponsibilities extends DemoActivityRef {
  assignments: readonly DemoAssignment[];
}

export type DemoProcedureSource =
  | { kind: 'PROCESS'; processKey: ProcessKey }
  | { kind: 'WORKFLOW'; workflowNumber: number };

export interface DemoProcedure {
  name: string;
  source: DemoProcedureSource;
  /** Whether its work instructions are derived and filled in from DEMO_WORK_INSTRUCTIONS. */
  withWorkInstructions: boolean;
}

export interface DemoWorkInstruction extends DemoActivityRef {
  /** The Responsible role the instruction is for. */
  role: string;
  /** Tool names from DEMO_TOOLS. */
  tools: readonly string[];
  /** Markdown. */
  text: string;
}

// The four USM profiles (reference §1), by the names the reference model gives them as roles.
const profile = (name: string): string => {
  if (!REFERENCE_PROFILES.some((candidate) => candidate.name === name)) {
    throw new Error(`Demo content: no USM profile named '${name}'.`);
  }
  return name;
};
const WORKFLOW_MANAGER = profile('Workflow manager');
const COORDINATOR = profile('Workflow coordinator');
const OPERATOR = profile('Operator');
const TEAM_COORDINATOR = profile('Team coordinator');

// Sample roles beyond the profiles: the jobs a trainee recognises from a service organisation.
const DESK = 'Service desk agent';
const SPECIALIST = 'Solution specialist';
const ACCOUNT_MANAGER = 'Account manager';

export const DEMO_ROLES: readonly DemoCatalogEntry[] = [
  {
    name: DESK,
    description:
      'Sample role (ours, not a USM profile): the first contact for customers and users; registers and classifies calls.',
  },
  {
    name: SPECIALIST,
    description:
      'Sample role (ours, not a USM profile): the expert who analyses problems and designs and prepares solutions.',
  },
  {
    name: ACCOUNT_MANAGER,
    description:
      'Sample role (ours, not a USM profile): speaks for the provider to the customer about agreements and offers.',
  },
];

const SERVICE_DESK_TOOL = 'Service desk tool';
const MONITORING_TOOL = 'Monitoring tool';
const CHANGE_CALENDAR = 'Change calendar';
const OPERATIONS_CALENDAR = 'Operations calendar';
const KNOWLEDGE_BASE = 'Knowledge base';
const CMDB = 'CMDB';

export const DEMO_TOOLS: readonly DemoCatalogEntry[] = [
  {
    name: SERVICE_DESK_TOOL,
    description:
      'Sample tool: registers calls (wishes, RFCs, incidents, service requests, risks) and their status.',
  },
  {
    name: MONITORING_TOOL,
    description: 'Sample tool: watches the services and infrastructure and raises alerts.',
  },
  {
    name: CHANGE_CALENDAR,
    description: 'Sample tool: the calendar on which changes are planned and agreed.',
  },
  {
    name: OPERATIONS_CALENDAR,
    description: 'Sample tool: the calendar on which operational activities are planned.',
  },
  {
    name: KNOWLEDGE_BASE,
    description: 'Sample tool: known solutions, workarounds and known errors, searchable by symptom.',
  },
  {
    name: CMDB,
    description:
      'Sample tool: the managed infrastructure register (in IT, a configuration management database).',
  },
];

const R: readonly Raci[] = ['R'];
const A: readonly Raci[] = ['A'];
const RA: readonly Raci[] = ['R', 'A'];
const C: readonly Raci[] = ['C'];
const I: readonly Raci[] = ['I'];

function step(
  processKey: ProcessKey,
  position: number,
  ...assignments: [string, readonly Raci[]][]
): DemoStepResponsibilities {
  return { processKey, position, assignments: assignments.map(([role, raci]) => ({ role, raci })) };
}

/**
 * Who does what on every activity of the reference model. A demo procedure's step gets the letters of its
 * activity, so the same activity is staffed alike in the process procedure and in workflow 3.
 * Sample assignments (an illustration: USM does not say who performs a step).
 */
export const DEMO_RESPONSIBILITIES: readonly DemoStepResponsibilities[] = [
  // Agree: Accept wishes, Classify, Specify the service, Draft offer, Negotiate, Realize,
  // Review delivery & feedback, Evaluate & close
  step('AGREE', 1, [DESK, R], [COORDINATOR, A], [ACCOUNT_MANAGER, I]),
  step('AGREE', 2, [ACCOUNT_MANAGER, R], [COORDINATOR, A]),
  step('AGREE', 3, [SPECIALIST, R], [COORDINATOR, A], [ACCOUNT_MANAGER, C]),
  step('AGREE', 4, [ACCOUNT_MANAGER, R], [COORDINATOR, A], [SPECIALIST, C]),
  step('AGREE', 5, [ACCOUNT_MANAGER, R], [COORDINATOR, A]),
  step('AGREE', 6, [COORDINATOR, RA], [ACCOUNT_MANAGER, I]),
  step('AGREE', 7, [ACCOUNT_MANAGER, R], [COORDINATOR, A]),
  step('AGREE', 8, [COORDINATOR, RA], [WORKFLOW_MANAGER, I]),
  // Change: Accept RFC, Classify, Plan & agree, Prepare change, Test & release, Deploy,
  // Review delivery & feedback, Update MIR, Evaluate & close
  step('CHANGE', 1, [DESK, R], [COORDINATOR, A]),
  step('CHANGE', 2, [COORDINATOR, RA], [TEAM_COORDINATOR, C]),
  step('CHANGE', 3, [COORDINATOR, RA], [TEAM_COORDINATOR, C]),
  step('CHANGE', 4, [SPECIALIST, R], [COORDINATOR, A], [OPERATOR, C]),
  step('CHANGE', 5, [SPECIALIST, R], [COORDINATOR, A]),
  step('CHANGE', 6, [COORDINATOR, RA], [TEAM_COORDINATOR, I]),
  step('CHANGE', 7, [COORDINATOR, RA]),
  step('CHANGE', 8, [OPERATOR, R], [COORDINATOR, A]),
  step('CHANGE', 9, [COORDINATOR, RA], [WORKFLOW_MANAGER, I]),
  // Recover: Accept incident, Classify, Analyse, Prepare recovery, Recover, Review delivery & feedback,
  // Evaluate & close
  step('RECOVER', 1, [DESK, R], [COORDINATOR, A]),
  step('RECOVER', 2, [DESK, R], [COORDINATOR, A]),
  step('RECOVER', 3, [SPECIALIST, R], [COORDINATOR, A], [DESK, C]),
  step('RECOVER', 4, [SPECIALIST, R], [COORDINATOR, A], [TEAM_COORDINATOR, C]),
  step('RECOVER', 5, [COORDINATOR, RA], [DESK, I]),
  step('RECOVER', 6, [DESK, R], [COORDINATOR, A]),
  step('RECOVER', 7, [COORDINATOR, RA], [WORKFLOW_MANAGER, I]),
  // Operate: Accept service request, Classify, Plan the activities, Execute the activities,
  // Review delivery & feedback, Evaluate & close
  step('OPERATE', 1, [DESK, R], [COORDINATOR, A]),
  step('OPERATE', 2, [DESK, R], [COORDINATOR, A]),
  step('OPERATE', 3, [TEAM_COORDINATOR, R], [COORDINATOR, A]),
  step('OPERATE', 4, [OPERATOR, R], [COORDINATOR, A], [TEAM_COORDINATOR, I]),
  step('OPERATE', 5, [DESK, R], [COORDINATOR, A]),
  step('OPERATE', 6, [COORDINATOR, RA], [WORKFLOW_MANAGER, I]),
  // Improve: Identify risks, Classify, Determine cause, Select measure, Deploy measure,
  // Review delivery & feedback, Evaluate & close
  step('IMPROVE', 1, [OPERATOR, R], [COORDINATOR, A], [WORKFLOW_MANAGER, I]),
  step('IMPROVE', 2, [COORDINATOR, RA], [WORKFLOW_MANAGER, C]),
  step('IMPROVE', 3, [SPECIALIST, R], [COORDINATOR, A]),
  step('IMPROVE', 4, [WORKFLOW_MANAGER, R], [COORDINATOR, A], [ACCOUNT_MANAGER, C]),
  step('IMPROVE', 5, [COORDINATOR, RA]),
  step('IMPROVE', 6, [COORDINATOR, RA]),
  step('IMPROVE', 7, [COORDINATOR, RA], [WORKFLOW_MANAGER, I]),
];

/** The workflow a trainer walks in class (issue 6: "walk workflow 3"). */
export const DEMO_WORKFLOW_NUMBER = 3;

function workflowName(number: number): string {
  const workflow = REFERENCE_WORKFLOWS.find((candidate) => candidate.number === number);
  if (!workflow) throw new Error(`Demo content: no workflow ${number}.`);
  return workflow.name;
}

/** A procedure per process, then one for workflow 3; only the Recover procedure gets work instructions. */
export const DEMO_PROCEDURES: readonly DemoProcedure[] = [
  ...(['AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE'] as const).map(
    (processKey): DemoProcedure => ({
      name: `Sample procedure: ${PROCESS_NAMES[processKey]}`,
      source: { kind: 'PROCESS', processKey },
      withWorkInstructions: processKey === 'RECOVER',
    }),
  ),
  {
    name: `Sample procedure: ${workflowName(DEMO_WORKFLOW_NUMBER)}`,
    source: { kind: 'WORKFLOW', workflowNumber: DEMO_WORKFLOW_NUMBER },
    withWorkInstructions: false,
  },
];

const SAMPLE_NOTE = '_Sample instruction written for the demo: an illustration, not USM content._';

function instruction(
  processKey: ProcessKey,
  position: number,
  role: string,
  tools: readonly string[],
  lines: readonly string[],
): DemoWorkInstruction {
  return { processKey, position, role, tools, text: [SAMPLE_NOTE, '', ...lines].join('\n') };
}

/**
 * HOW for the Recover procedure: one instruction per step and Responsible role (as deriveWorkInstructions
 * creates them), each with its tools and a short Markdown text.
 */
export const DEMO_WORK_INSTRUCTIONS: readonly DemoWorkInstruction[] = [
  instruction(
    'RECOVER',
    1,
    DESK,
    [SERVICE_DESK_TOOL, CMDB],
    [
      '1. Register the incident in the **Service desk tool**: who reports it, what fails and since when.',
      '2. Link the affected service and components, looked up in the **CMDB**.',
      '3. Give the reporter the call number.',
    ],
  ),
  instruction(
    'RECOVER',
    2,
    DESK,
    [SERVICE_DESK_TOOL],
    [
      '1. Set **impact** (high, medium, low, none) and **urgency** (high, medium, low).',
      '2. Let the **Service desk tool** derive the priority from them.',
      '3. Tell the workflow coordinator at once about a high-priority incident.',
    ],
  ),
  instruction(
    'RECOVER',
    3,
    SPECIALIST,
    [KNOWLEDGE_BASE, MONITORING_TOOL, CMDB],
    [
      '1. Search the **Knowledge base** for a known solution or workaround by symptom.',
      '2. Check the **Monitoring tool** and the **CMDB** for related alerts and recent changes.',
      '3. Record the remedy you found, or that none was found, on the call.',
    ],
  ),
  instruction(
    'RECOVER',
    4,
    SPECIALIST,
    [KNOWLEDGE_BASE, CHANGE_CALENDAR],
    [
      '1. Write down the recovery steps and how to check that the service works again.',
      '2. Look in the **Change calendar** for changes that the recovery could collide with.',
      '3. Decide with the workflow coordinator whether the recovery needs a change (RFC) or a service request.',
    ],
  ),
  instruction(
    'RECOVER',
    5,
    COORDINATOR,
    [SERVICE_DESK_TOOL],
    [
      '1. Raise the **RFC** (Change) or the **service request** (Operate) from the incident in the **Service desk tool**.',
      '2. Follow it until that process reports back; the incident waits meanwhile.',
    ],
  ),
  instruction(
    'RECOVER',
    6,
    DESK,
    [SERVICE_DESK_TOOL],
    [
      '1. Ask the reporter whether the service works again.',
      '2. Record the answer and any feedback on the call in the **Service desk tool**.',
    ],
  ),
  instruction(
    'RECOVER',
    7,
    COORDINATOR,
    [SERVICE_DESK_TOOL, KNOWLEDGE_BASE],
    [
      '1. Add the solution to the **Knowledge base** when it is new.',
      '2. Raise a **risk** (Improve) when the incident may come back.',
      '3. Close the call in the **Service desk tool**.',
    ],
  ),
];

/** The letters of each role on the activity at `position` of `processKey` (empty for an unknown one). */
export function demoAssignmentsOf(processKey: ProcessKey, position: number): readonly DemoAssignment[] {
  return (
    DEMO_RESPONSIBILITIES.find((entry) => entry.processKey === processKey && entry.position === position)
      ?.assignments ?? []
  );
}

/** The sample instruction for a Responsible role on an activity, if there is one. */
export function demoInstructionOf(
  processKey: ProcessKey,
  position: number,
  role: string,
): DemoWorkInstruction | undefined {
  return DEMO_WORK_INSTRUCTIONS.find(
    (entry) => entry.processKey === processKey && entry.position === position && entry.role === role,
  );
}
