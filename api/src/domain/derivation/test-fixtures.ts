/**
 * Shared by the tests beside it (not re-exported from index.ts): the reference model as a DerivationModel,
 * a small editable process model, and fast-check arbitraries for both.
 */
import fc from 'fast-check';
import { referenceActivityId, referenceExpansionModel } from '../reference-expansion';
import { REFERENCE_PROCESSES } from '../reference-model';
import { PROCESS_KEYS, type ProcessKey } from '../usm';
import type { ExpansionActivity, WorkflowRoute } from '../workflow-expansion';
import { deriveSteps, type DerivationModel, type DerivationSource, type SourceActivity } from './derive';
import type { PlannedStep, StoredStep } from './rederive';

export function referenceDerivationModel(): DerivationModel {
  const activities = new Map<string, SourceActivity>();
  for (const process of REFERENCE_PROCESSES) {
    process.activities.forEach((activity, index) => {
      const id = referenceActivityId(process.key, index + 1);
      activities.set(id, { id, name: activity.name, processKey: process.key });
    });
  }
  return { expansion: referenceExpansionModel(), activities };
}

/** A process model that edits mutate in place: activities per process in order, forks per activity. */
export interface EditableModel {
  processes: Map<ProcessKey, { id: string; name: string }[]>;
  forks: Map<string, ProcessKey[]>;
  nextId: number;
  /** deleted activities, latest last, so an edit can restore one (the API soft-deletes) */
  deleted: { processKey: ProcessKey; activity: { id: string; name: string }; forks: ProcessKey[] }[];
}

export type Edit =
  | { kind: 'add'; processKey: ProcessKey; at: number; name: string }
  | { kind: 'rename'; pick: number; name: string }
  | { kind: 'move'; pick: number; to: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'restore'; at: number }
  | { kind: 'toggleFork'; pick: number; target: ProcessKey };

/** Positions are spaced and listed backwards so derivation must sort, not trust the given order. */
export function toDerivationModel(model: EditableModel): DerivationModel {
  const activitiesByProcess = new Map<ProcessKey, ExpansionActivity[]>();
  const activities = new Map<string, SourceActivity>();
  for (const [processKey, list] of model.processes) {
    activitiesByProcess.set(
      processKey,
      list.map((activity, index) => ({ id: activity.id, position: (index + 1) * 10 })).reverse(),
    );
    for (const activity of list) activities.set(activity.id, { ...activity, processKey });
  }
  return { expansion: { activitiesByProcess, forkTargetsByActivity: new Map(model.forks) }, activities };
}

export function cloneModel(model: EditableModel): EditableModel {
  return {
    processes: new Map([...model.processes].map(([key, list]) => [key, list.map((a) => ({ ...a }))])),
    forks: new Map([...model.forks].map(([id, targets]) => [id, [...targets]])),
    nextId: model.nextId,
    deleted: model.deleted.map((entry) => ({
      ...entry,
      activity: { ...entry.activity },
      forks: [...entry.forks],
    })),
  };
}

/**
 * Applies an edit; indices wrap around, so every edit in any sequence applies to whatever model is left.
 * With a source, edits aim at the activities and processes on its current path (when it has any), since
 * edits elsewhere cannot change the procedure and would make most runs trivial.
 */
export function applyEdit(model: EditableModel, edit: Edit, source?: DerivationSource): void {
  const path = source ? deriveSteps(toDerivationModel(model), source) : [];
  if (edit.kind === 'add') {
    const onPath = [...new Set(path.map((step) => step.processKey))];
    const processKey =
      onPath.length > 0 ? onPath[PROCESS_KEYS.indexOf(edit.processKey) % onPath.length]! : edit.processKey;
    const list = model.processes.get(processKey) ?? [];
    list.splice(edit.at % (list.length + 1), 0, { id: `new-${model.nextId++}`, name: edit.name });
    model.processes.set(processKey, list);
    return;
  }
  if (edit.kind === 'restore') {
    const entry = model.deleted.pop();
    if (!entry) return;
    const list = model.processes.get(entry.processKey) ?? [];
    list.splice(edit.at % (list.length + 1), 0, entry.activity);
    model.processes.set(entry.processKey, list);
    if (entry.forks.length > 0) model.forks.set(entry.activity.id, entry.forks);
    return;
  }
  const all = [...model.processes].flatMap(([processKey, list]) =>
    list.map((activity) => ({ processKey, activity, list })),
  );
  const onPath = new Set(path.map((step) => step.activityId));
  const candidates = onPath.size > 0 ? all.filter(({ activity }) => onPath.has(activity.id)) : all;
  if (candidates.length === 0) return;
  const { processKey, activity, list } = candidates[edit.pick % candidates.length]!;
  const index = list.indexOf(activity);
  if (edit.kind === 'rename') {
    activity.name = edit.name;
  } else if (edit.kind === 'move') {
    list.splice(index, 1);
    list.splice(edit.to % (list.length + 1), 0, activity);
  } else if (edit.kind === 'delete') {
    list.splice(index, 1);
    model.deleted.push({ processKey, activity, forks: model.forks.get(activity.id) ?? [] });
    model.forks.delete(activity.id);
  } else {
    const targets = model.forks.get(activity.id) ?? [];
    model.forks.set(
      activity.id,
      targets.includes(edit.target)
        ? targets.filter((key) => key !== edit.target)
        : [...targets, edit.target],
    );
  }
}

const NAMES = ['Accept', 'Classify', 'Analyse', 'Diagnose', 'Verify', 'Deploy', 'Evaluate & close'];
export const nameArb = fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 6 }));
export const processKeyArb = fc.constantFrom(...PROCESS_KEYS);

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), processKey: processKeyArb, at: fc.nat(20), name: nameArb }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(60), name: nameArb }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(60), to: fc.nat(20) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(60) }),
  fc.record({ kind: fc.constant('restore' as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('toggleFork' as const), pick: fc.nat(60), target: processKeyArb }),
);

/** Up to five processes of up to six activities, with random forks (cycles included: expansion copes). */
export const editableModelArb: fc.Arbitrary<EditableModel> = fc
  .record({
    sizes: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 5, maxLength: 5 }),
    names: fc.array(nameArb, { minLength: 30, maxLength: 30 }),
    forks: fc.array(fc.tuple(fc.nat(29), processKeyArb), { maxLength: 12 }),
  })
  .map(({ sizes, names, forks }) => {
    const processes = new Map<ProcessKey, { id: string; name: string }[]>();
    const ids: string[] = [];
    PROCESS_KEYS.forEach((key, p) => {
      const list = Array.from({ length: sizes[p]! }, (_, i) => ({
        id: `${key}-${i + 1}`,
        name: names[p * 6 + i]!,
      }));
      ids.push(...list.map((activity) => activity.id));
      processes.set(key, list);
    });
    const forkMap = new Map<string, ProcessKey[]>();
    for (const [pick, target] of forks) {
      if (ids.length === 0) break;
      const id = ids[pick % ids.length]!;
      const targets = forkMap.get(id) ?? [];
      if (!targets.includes(target)) forkMap.set(id, [...targets, target]);
    }
    return { processes, forks: forkMap, nextId: 1, deleted: [] };
  });

export const routeArb: fc.Arbitrary<WorkflowRoute> = fc.record({
  startProcess: processKeyArb,
  forkChoices: fc.dictionary(processKeyArb, processKeyArb, { maxKeys: 3 }) as fc.Arbitrary<
    Partial<Record<ProcessKey, ProcessKey>>
  >,
});

export const sourceArb: fc.Arbitrary<DerivationSource> = fc.oneof(
  processKeyArb.map((processKey): DerivationSource => ({ kind: 'PROCESS', processKey })),
  routeArb.map((route): DerivationSource => ({ kind: 'WORKFLOW', route })),
);

/** A procedure as first stored: ids `s1`, `s2`, … in path order. */
export function storeDerivation(model: DerivationModel, source: DerivationSource): StoredStep[] {
  return deriveSteps(model, source).map((step, index) => ({
    ...step,
    id: `s${index + 1}`,
    position: index + 1,
    obsolete: false,
  }));
}

/** What the caller does with a plan: write it, giving new steps fresh ids. */
export function applyPlan(steps: readonly PlannedStep[], newIdPrefix: string): StoredStep[] {
  let created = 0;
  return steps.map((step) => ({ ...step, id: step.id ?? `${newIdPrefix}${++created}` }));
}
