/**
 * An in-memory stand-in for the API, for core tests: the same rules as the server where the editor relies
 * on them — contiguous positions, versions that increase with every change (siblings that shift included),
 * CONFLICT on a stale version, deleted activities kept as tombstones, hand-overs checked against the USM
 * rules, new ids for everything created.
 */
import { GatewayError } from '../errors';
import type { ModelGateway } from '../gateway';
import type { HandoverSnapshot, OrganisationSnapshot, ProcessSnapshot } from '../model';
import { mayHandOver } from '../rules';
import {
  PROCESS_ENTERED_BY,
  PROCESS_KEYS,
  PROCESS_NAMES,
  type CallType,
  type HandoverKind,
  type MemberRole,
  type ProcessKey,
} from '../usm';

interface StoredProcess {
  id: string;
  key: ProcessKey;
  version: number;
}

interface StoredActivity {
  id: string;
  processId: string;
  name: string;
  description: string;
  position: number;
  version: number;
  deleted: boolean;
}

interface StoredHandover {
  id: string;
  fromActivityId: string;
  callType: CallType;
  kind: HandoverKind;
  version: number;
}

export type FakeCall = { method: keyof ModelGateway; input: unknown };

export class FakeGateway implements ModelGateway {
  readonly organisationId = 'org-1';
  readonly processes = new Map<string, StoredProcess>();
  readonly activities = new Map<string, StoredActivity>();
  readonly handovers = new Map<string, StoredHandover>();
  readonly calls: FakeCall[] = [];
  role: MemberRole = 'OWNER';
  organisationVersion = 1;
  arrangement: ProcessKey[][] | null = null;
  /** Makes the next call fail with this error. */
  failNext: GatewayError | null = null;
  private nextId = 1;

  constructor(activityNames: Partial<Record<ProcessKey, string[]>> = {}) {
    for (const key of PROCESS_KEYS) {
      const process = { id: `process-${key.toLowerCase()}`, key, version: 1 };
      this.processes.set(process.id, process);
      (activityNames[key] ?? []).forEach((name, index) => {
        const id = this.newId('activity');
        this.activities.set(id, {
          id,
          processId: process.id,
          name,
          description: '',
          position: index + 1,
          version: 1,
          deleted: false,
        });
      });
    }
  }

  processId(key: ProcessKey): string {
    return `process-${key.toLowerCase()}`;
  }

  /** The live activity of a process with this name. */
  activityNamed(name: string): StoredActivity {
    const found = [...this.activities.values()].find(
      (activity) => !activity.deleted && activity.name === name,
    );
    if (!found) throw new Error(`No live activity named ${name}`);
    return found;
  }

  /** Someone else edits the activity: its version moves on. */
  touchActivity(id: string, name?: string): void {
    const activity = this.activities.get(id)!;
    activity.version += 1;
    if (name !== undefined) activity.name = name;
  }

  /** Adds a hand-over directly (test set-up), bypassing the calls log. */
  seedHandover(fromActivityId: string, callType: CallType, kind: HandoverKind): string {
    const id = this.newId('handover');
    this.handovers.set(id, { id, fromActivityId, callType, kind, version: 1 });
    return id;
  }

  liveNames(key: ProcessKey): string[] {
    return this.live(this.processId(key)).map((activity) => activity.name);
  }

  async loadOrganisation(organisationId: string): Promise<OrganisationSnapshot | null> {
    this.log('loadOrganisation', { organisationId });
    if (organisationId !== this.organisationId) return null;
    return {
      id: this.organisationId,
      name: 'Acme IT',
      version: this.organisationVersion,
      myRole: this.role,
      canvasArrangement: this.arrangement,
      processes: [...this.processes.values()].map((process) => this.snapshot(process.id)),
    };
  }

  async arrangeCanvas(input: Parameters<ModelGateway['arrangeCanvas']>[0]) {
    this.log('arrangeCanvas', input);
    if (input.version !== this.organisationVersion) {
      throw new GatewayError('CONFLICT', 'The organisation was changed meanwhile.', {
        currentVersion: this.organisationVersion,
      });
    }
    this.organisationVersion += 1;
    this.arrangement = input.columns ? input.columns.map((keys) => [...keys]) : null;
    return { version: this.organisationVersion, canvasArrangement: this.arrangement };
  }

  async createActivity(input: Parameters<ModelGateway['createActivity']>[0]) {
    this.log('createActivity', input);
    const process = this.processOrFail(String(input.processId));
    const live = this.live(process.id);
    const position = input.position ?? live.length + 1;
    if (position < 1 || position > live.length + 1) throw badInput('The position is out of range.');
    const name = input.name.trim();
    if (!name) throw badInput('The activity name must not be empty.');
    for (const sibling of live) {
      if (sibling.position >= position) {
        sibling.position += 1;
        sibling.version += 1;
      }
    }
    const id = this.newId('activity');
    this.activities.set(id, {
      id,
      processId: process.id,
      name,
      description: input.description ?? '',
      position,
      version: 1,
      deleted: false,
    });
    process.version += 1;
    return { activityId: id, process: this.snapshot(process.id) };
  }

  async updateActivity(input: Parameters<ModelGateway['updateActivity']>[0]): Promise<ProcessSnapshot> {
    this.log('updateActivity', input);
    const activity = this.liveActivityOrFail(String(input.id));
    if (input.version !== activity.version) throw conflict(activity.version);
    if (input.name != null) activity.name = input.name.trim();
    if (input.position != null && input.position !== activity.position) {
      const live = this.live(activity.processId).filter((sibling) => sibling.id !== activity.id);
      if (input.position < 1 || input.position > live.length + 1)
        throw badInput('The position is out of range.');
      live.splice(input.position - 1, 0, activity);
      live.forEach((sibling, index) => {
        if (sibling.position !== index + 1 && sibling.id !== activity.id) sibling.version += 1;
        sibling.position = index + 1;
      });
      this.processes.get(activity.processId)!.version += 1;
    }
    activity.version += 1;
    return this.snapshot(activity.processId);
  }

  async deleteActivity(input: { id: string | number; version: number }, processId: string) {
    this.log('deleteActivity', input);
    const activity = this.liveActivityOrFail(String(input.id));
    if (input.version !== activity.version) throw conflict(activity.version);
    activity.deleted = true;
    activity.version += 1;
    for (const sibling of this.live(activity.processId)) {
      if (sibling.position > activity.position) {
        sibling.position -= 1;
        sibling.version += 1;
      }
    }
    for (const handover of [...this.handovers.values()]) {
      if (handover.fromActivityId === activity.id) this.handovers.delete(handover.id);
    }
    this.processes.get(activity.processId)!.version += 1;
    return this.snapshot(processId);
  }

  async createHandover(input: Parameters<ModelGateway['createHandover']>[0]): Promise<HandoverSnapshot> {
    this.log('createHandover', input);
    const from = this.liveActivityOrFail(String(input.fromActivityId));
    const kind = input.kind ?? 'FORK';
    const fromKey = this.processes.get(from.processId)!.key;
    const verdict = mayHandOver(fromKey, PROCESS_ENTERED_BY[input.callType], kind);
    if (!verdict.allowed) throw badInput(verdict.reason);
    const duplicate = [...this.handovers.values()].some(
      (handover) =>
        handover.fromActivityId === from.id && handover.callType === input.callType && handover.kind === kind,
    );
    if (duplicate) throw badInput('Duplicate hand-over.');
    const id = this.newId('handover');
    this.handovers.set(id, { id, fromActivityId: from.id, callType: input.callType, kind, version: 1 });
    return { ...this.handoverSnapshot(this.handovers.get(id)!), from: { id: from.id } };
  }

  async deleteHandover(input: { id: string | number; version: number }): Promise<void> {
    this.log('deleteHandover', input);
    const handover = this.handovers.get(String(input.id));
    if (!handover) throw new GatewayError('NOT_FOUND', 'No such hand-over.');
    if (input.version !== handover.version) throw conflict(handover.version);
    this.handovers.delete(handover.id);
  }

  private snapshot(processId: string): ProcessSnapshot {
    const process = this.processes.get(processId)!;
    return {
      id: process.id,
      key: process.key,
      name: PROCESS_NAMES[process.key],
      purpose: '',
      version: process.version,
      activities: this.live(processId).map((activity) => ({
        id: activity.id,
        name: activity.name,
        description: activity.description,
        position: activity.position,
        version: activity.version,
        handovers: [...this.handovers.values()]
          .filter((handover) => handover.fromActivityId === activity.id)
          .map((handover) => this.handoverSnapshot(handover)),
      })),
    };
  }

  private handoverSnapshot(handover: StoredHandover) {
    const key = PROCESS_ENTERED_BY[handover.callType];
    return {
      id: handover.id,
      callType: handover.callType,
      kind: handover.kind,
      version: handover.version,
      target: { id: this.processId(key), key },
    };
  }

  private live(processId: string): StoredActivity[] {
    return [...this.activities.values()]
      .filter((activity) => activity.processId === processId && !activity.deleted)
      .sort((a, b) => a.position - b.position);
  }

  private processOrFail(id: string): StoredProcess {
    const process = this.processes.get(id);
    if (!process) throw new GatewayError('NOT_FOUND', 'No such process.');
    return process;
  }

  private liveActivityOrFail(id: string): StoredActivity {
    const activity = this.activities.get(id);
    if (!activity || activity.deleted) throw new GatewayError('NOT_FOUND', 'No such activity.');
    return activity;
  }

  private log(method: keyof ModelGateway, input: unknown): void {
    this.calls.push({ method, input });
    const failure = this.failNext;
    if (failure) {
      this.failNext = null;
      throw failure;
    }
  }

  private newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }
}

function conflict(currentVersion: number): GatewayError {
  return new GatewayError('CONFLICT', 'The object was changed by someone else.', { currentVersion });
}

function badInput(message: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', message);
}

/** A small USM-like model: enough steps for forks, spawns and moves. */
export function referenceLikeGateway(): FakeGateway {
  const gateway = new FakeGateway({
    AGREE: ['Accept wishes', 'Classify', 'Realize', 'Evaluate & close'],
    CHANGE: ['Accept RFC', 'Classify', 'Deploy', 'Evaluate & close'],
    RECOVER: ['Accept incident', 'Recover', 'Evaluate & close'],
    OPERATE: ['Accept service request', 'Execute the activities', 'Evaluate & close'],
    IMPROVE: ['Identify risks', 'Deploy measure', 'Evaluate & close'],
  });
  const agreeRealize = [...gateway.activities.values()].find((a) => a.name === 'Realize')!;
  gateway.seedHandover(agreeRealize.id, 'RFC', 'FORK');
  const changeDeploy = [...gateway.activities.values()].find((a) => a.name === 'Deploy')!;
  gateway.seedHandover(changeDeploy.id, 'SERVICE_REQUEST', 'FORK');
  const operateExecute = gateway.activityNamed('Execute the activities');
  gateway.seedHandover(operateExecute.id, 'INCIDENT', 'SPAWN');
  const improveDeploy = gateway.activityNamed('Deploy measure');
  gateway.seedHandover(improveDeploy.id, 'WISH', 'FORK');
  gateway.seedHandover(improveDeploy.id, 'RFC', 'FORK');
  gateway.seedHandover(improveDeploy.id, 'SERVICE_REQUEST', 'FORK');
  return gateway;
}
