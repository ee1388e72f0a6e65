/**
 * The USM reference model as data: the five processes with their steps, the hand-overs between them, the
 * eight workflow templates and the USM-specific profiles (reference §1–§4).
 *
 * Copyright: step labels and structure are reference data; every description here is our own short wording,
 * never text from USM publications. A step the reference says nothing about gets an empty description
 * rather than an invented one.
 */
import type { CallType, HandoverKind, ProcessKey } from './usm';

export interface ReferenceActivity {
  name: string;
  description: string;
}

export interface ReferenceProcess {
  key: ProcessKey;
  name: string;
  purpose: string;
  activities: readonly ReferenceActivity[];
}

export interface ReferenceHandover {
  process: ProcessKey;
  /** 1-based position of the handing-over activity within its process */
  activityPosition: number;
  callType: CallType;
  kind: HandoverKind;
}

export interface ReferenceWorkflow {
  number: number;
  name: string;
  trigger: CallType;
  startProcess: ProcessKey;
  /** for each process on the path whose fork has several possible targets, the target this template takes */
  forkChoices: Partial<Record<ProcessKey, ProcessKey>>;
  /** true when a customer's call starts it, false when a proactively raised risk does */
  reactive: boolean;
}

export interface ReferenceProfile {
  name: string;
  description: string;
}

export const PROCESS_NAMES: Readonly<Record<ProcessKey, string>> = {
  AGREE: 'Agree',
  CHANGE: 'Change',
  RECOVER: 'Recover',
  OPERATE: 'Operate',
  IMPROVE: 'Improve',
};

export const PROCESS_PURPOSES: Readonly<Record<ProcessKey, string>> = {
  AGREE: 'Create or adjust the service agreements made with customers.',
  CHANGE: 'Make permanent changes to the managed infrastructure, within what has been agreed.',
  RECOVER: 'Restore the service after it has failed or is about to fail.',
  OPERATE: 'Deliver what has been agreed without permanently changing the managed infrastructure.',
  IMPROVE: 'Head off threats and take up opportunities before they turn into calls.',
};

// The reference says nothing about "Review delivery & feedback" or Recover's "Prepare recovery", so those
// stay undescribed. Our reading, where the reference names a task but not its step: calls are rated by
// impact × urgency (risks by effect × likelihood) in Classify, and Recover searches for a remedy in Analyse.
const NOT_DESCRIBED = '';
const EVALUATE_AND_CLOSE = 'Evaluate how the call went and close it; the evaluation may raise a new risk.';
const CLASSIFY_BY_PRIORITY = 'Set the priority of the call from its impact and urgency.';

function activity(name: string, description: string): ReferenceActivity {
  return { name, description };
}

/** Each process gets fresh activity objects: USM never shares a step between processes (reference §5). */
function process(key: ProcessKey, activities: ReferenceActivity[]): ReferenceProcess {
  return { key, name: PROCESS_NAMES[key], purpose: PROCESS_PURPOSES[key], activities };
}

export const REFERENCE_PROCESSES: readonly ReferenceProcess[] = [
  process('AGREE', [
    activity('Accept wishes', 'Take in a customer wish, or a complaint, about a service agreement.'),
    activity('Classify', CLASSIFY_BY_PRIORITY),
    activity('Specify the service', 'Work out the functional and technical design of the service.'),
    activity(
      'Draft offer',
      'Write the offer: the service agreement plus the internal and external agreements behind it.',
    ),
    activity('Negotiate', 'Reach an agreement with the customer on the offer.'),
    activity('Realize', 'Put the agreement into effect by handing a request for change to Change.'),
    activity('Review delivery & feedback', NOT_DESCRIBED),
    activity('Evaluate & close', EVALUATE_AND_CLOSE),
  ]),
  process('CHANGE', [
    activity('Accept RFC', 'Take in a request for a permanent change to the managed infrastructure.'),
    activity('Classify', CLASSIFY_BY_PRIORITY),
    activity('Plan & agree', 'Schedule the change on the change calendar.'),
    activity('Prepare change', 'Get the change ready, including how it will be tested and deployed.'),
    activity('Test & release', 'Test the change and release it for deployment.'),
    activity('Deploy', 'Have Operate deploy the change by handing it a service request.'),
    activity('Review delivery & feedback', NOT_DESCRIBED),
    activity('Update MIR', 'Record the outcome of the change in the managed infrastructure register.'),
    activity('Evaluate & close', EVALUATE_AND_CLOSE),
  ]),
  process('RECOVER', [
    activity('Accept incident', 'Take in a report that the service has failed or is about to fail.'),
    activity('Classify', CLASSIFY_BY_PRIORITY),
    activity('Analyse', 'Search for a remedy: known solutions, solution teams or a workaround.'),
    activity('Prepare recovery', NOT_DESCRIBED),
    activity(
      'Recover',
      'Restore the service through Change (a request for change) or Operate (a service request).',
    ),
    activity('Review delivery & feedback', NOT_DESCRIBED),
    activity('Evaluate & close', EVALUATE_AND_CLOSE),
  ]),
  process('OPERATE', [
    activity(
      'Accept service request',
      'Take in a request to deliver something that the agreement already covers.',
    ),
    activity('Classify', CLASSIFY_BY_PRIORITY),
    activity('Plan the activities', 'Schedule the work on the operations calendar.'),
    activity(
      'Execute the activities',
      'Do the planned work; monitoring during it may raise an incident or a risk.',
    ),
    activity('Review delivery & feedback', NOT_DESCRIBED),
    activity('Evaluate & close', EVALUATE_AND_CLOSE),
  ]),
  process('IMPROVE', [
    activity('Identify risks', 'Spot a threat or an opportunity before anyone calls about it.'),
    activity('Classify', 'Rank the risk by its effect and its likelihood on a risk matrix.'),
    activity(
      'Determine cause',
      'Find the root cause; once it is known the risk is recorded as a known error.',
    ),
    activity(
      'Select measure',
      'Choose a measure, justified by a business case and an accepted residual risk.',
    ),
    activity(
      'Deploy measure',
      'Carry out the measure through Agree, Change or Operate, by a wish, an RFC or a service request.',
    ),
    activity('Review delivery & feedback', NOT_DESCRIBED),
    activity('Evaluate & close', EVALUATE_AND_CLOSE),
  ]),
];

/** Resolves a step by its label so the hand-over table below cannot drift from the step lists above. */
function handover(
  processKey: ProcessKey,
  activityName: string,
  callType: CallType,
  kind: HandoverKind,
): ReferenceHandover {
  const activities = REFERENCE_PROCESSES.find((candidate) => candidate.key === processKey)?.activities ?? [];
  const index = activities.findIndex((candidate) => candidate.name === activityName);
  if (index < 0) throw new Error(`Reference model: ${processKey} has no step '${activityName}'.`);
  return { process: processKey, activityPosition: index + 1, callType, kind };
}

/** Reference §3: the forks, then the spawns; ordered by process, step, then call type. */
export const REFERENCE_HANDOVERS: readonly ReferenceHandover[] = [
  handover('AGREE', 'Realize', 'RFC', 'FORK'),
  handover('AGREE', 'Evaluate & close', 'RISK', 'SPAWN'),
  handover('CHANGE', 'Deploy', 'SERVICE_REQUEST', 'FORK'),
  handover('CHANGE', 'Evaluate & close', 'RISK', 'SPAWN'),
  handover('RECOVER', 'Recover', 'RFC', 'FORK'),
  handover('RECOVER', 'Recover', 'SERVICE_REQUEST', 'FORK'),
  handover('RECOVER', 'Evaluate & close', 'RISK', 'SPAWN'),
  handover('OPERATE', 'Execute the activities', 'INCIDENT', 'SPAWN'),
  handover('OPERATE', 'Execute the activities', 'RISK', 'SPAWN'),
  handover('OPERATE', 'Evaluate & close', 'RISK', 'SPAWN'),
  handover('IMPROVE', 'Deploy measure', 'WISH', 'FORK'),
  handover('IMPROVE', 'Deploy measure', 'RFC', 'FORK'),
  handover('IMPROVE', 'Deploy measure', 'SERVICE_REQUEST', 'FORK'),
  handover('IMPROVE', 'Evaluate & close', 'RISK', 'SPAWN'),
];

/** Reference §4. Agree and Change always fork to one target, so only Recover and Improve need a choice. */
export const REFERENCE_WORKFLOWS: readonly ReferenceWorkflow[] = [
  {
    number: 1,
    name: 'Changes to agreements',
    trigger: 'WISH',
    startProcess: 'AGREE',
    forkChoices: {},
    reactive: true,
  },
  {
    number: 2,
    name: 'Changes to managed resources',
    trigger: 'RFC',
    startProcess: 'CHANGE',
    forkChoices: {},
    reactive: true,
  },
  {
    number: 3,
    name: 'Incident with a change to managed resources',
    trigger: 'INCIDENT',
    startProcess: 'RECOVER',
    forkChoices: { RECOVER: 'CHANGE' },
    reactive: true,
  },
  {
    number: 4,
    name: 'Incident without a change to managed resources',
    trigger: 'INCIDENT',
    startProcess: 'RECOVER',
    forkChoices: { RECOVER: 'OPERATE' },
    reactive: true,
  },
  {
    number: 5,
    name: 'Operations (service requests, deployments, routine work)',
    trigger: 'SERVICE_REQUEST',
    startProcess: 'OPERATE',
    forkChoices: {},
    reactive: true,
  },
  {
    number: 6,
    name: 'Risk handled by changing an agreement',
    trigger: 'RISK',
    startProcess: 'IMPROVE',
    forkChoices: { IMPROVE: 'AGREE' },
    reactive: false,
  },
  {
    number: 7,
    name: 'Risk handled by changing managed resources',
    trigger: 'RISK',
    startProcess: 'IMPROVE',
    forkChoices: { IMPROVE: 'CHANGE' },
    reactive: false,
  },
  {
    number: 8,
    name: 'Risk handled by a service request',
    trigger: 'RISK',
    startProcess: 'IMPROVE',
    forkChoices: { IMPROVE: 'OPERATE' },
    reactive: false,
  },
];

export const REFERENCE_PROFILES: readonly ReferenceProfile[] = [
  {
    name: 'Workflow manager',
    description: 'Makes sure the workflows, and the resources they need, are in place.',
  },
  {
    name: 'Workflow coordinator',
    description: 'Steers calls through the workflow and answers for what it delivers.',
  },
  { name: 'Operator', description: 'Carries out the activities.' },
  {
    name: 'Team coordinator',
    description:
      'Line manager of operators; in a process-driven organisation the workflow coordinator has the greater say.',
  },
];
