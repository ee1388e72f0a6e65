/**
 * The editor's one store: the model, its layout, the selection, what is being edited, and the command
 * history. Plain zustand (no React): the canvas subscribes with selectors, tests drive it directly.
 *
 * Every edit goes through `run(command)`; commands run one after another (each waits for the API), and
 * only commands enter the history — loading, selecting, dragging and naming a draft never do.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  arrangementAfterDrop,
  arrangementOf,
  sameArrangement,
  shiftProcess,
  type Arrangement,
} from './arrangement';
import {
  AddActivity,
  AddHandover,
  ArrangeProcesses,
  Batch,
  DeleteActivity,
  DeleteHandover,
  MoveActivity,
  RenameActivity,
  type Command,
  type CommandContext,
} from './commands';
import { describeFailure, GatewayError, type EditFailure } from './errors';
import type { ModelGateway } from './gateway';
import { CommandHistory } from './history';
import { IdAliases } from './ids';
import { ARRANGEMENT, layoutArchitecture, positionAt, type ArchitectureLayout } from './layout';
import { modelFromOrganisation, type ArchitectureModel } from './model';
import { describeChanges } from './model-diff';
import { mayEdit } from './rules';
import type { HandoverKind } from './usm';
import { highlightPath, type PathHighlight, type WorkflowPath } from './workflow-path';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

export interface EditorState {
  organisationId: string | null;
  status: LoadStatus;
  loadError: string | null;
  model: ArchitectureModel | null;
  layout: ArchitectureLayout | null;
  /** Whether the signed-in user may edit (OWNER or ARCHITECT). */
  editable: boolean;
  /** Selected activity, process and hand-over ids. */
  selection: readonly string[];
  /** The activity being renamed inline. */
  editingId: string | null;
  /** A new activity being named: a free row at this position, not yet saved. */
  draft: { processId: string; position: number } | null;
  /** An activity being dragged to another place: where it is now (relative y), until it is dropped. */
  drag: { activityId: string; y: number } | null;
  /** A process container being dragged to another place: its top-left corner now, until it is dropped. */
  processDrag: { processId: string; x: number; y: number } | null;
  /** The kind of hand-over that dragging a connection creates. */
  connectKind: HandoverKind;
  showSpawns: boolean;
  /** Commands waiting for the API. */
  pending: number;
  undoLabel: string | null;
  redoLabel: string | null;
  failure: EditFailure | null;
  /**
   * Counts the commands executed, undone and redone. Views that read through the GraphQL client (procedures,
   * roles and tools, members) read again when it changes, so an undo shows on every view.
   */
  revision: number;
  /** The workflow whose path the canvas highlights (from the API's expansion), and what it touches. */
  workflowPath: WorkflowPath | null;
  pathHighlight: PathHighlight | null;
  /** The activity a walkthrough stands at: the canvas marks it and its process as current. */
  currentActivityId: string | null;
}

export interface EditorActions {
  open(organisationId: string): Promise<void>;
  reload(): Promise<void>;
  select(ids: readonly string[]): void;
  /** Applies React Flow's select changes: ids that became (un)selected. */
  changeSelection(changes: readonly { id: string; selected: boolean }[]): void;
  startRename(activityId: string): void;
  cancelRename(): void;
  startDraft(processId: string, position?: number): void;
  cancelDraft(): void;
  /** Saves the draft under this name (AddActivity). */
  commitDraft(name: string): Promise<void>;
  addActivity(processId: string, name: string, position?: number): Promise<void>;
  renameActivity(activityId: string, name: string): Promise<void>;
  moveActivity(activityId: string, position: number): Promise<void>;
  /** Moves an activity one place up (-1) or down (+1). */
  nudgeActivity(activityId: string, delta: -1 | 1): Promise<void>;
  dragActivity(activityId: string, y: number): void;
  /** Ends a drag: moves the activity to the place it was dropped at (one command), or back. */
  dropActivity(activityId: string, y: number): Promise<void>;
  /** Saves an arrangement of the process containers (null: the default), as one command. */
  arrangeProcesses(arrangement: Arrangement | null, label: string): Promise<void>;
  /** Alt+arrow on a selected process: moves it to a neighbouring column or place. */
  shiftProcess(processId: string, direction: 'left' | 'right' | 'up' | 'down'): Promise<void>;
  dragProcess(processId: string, x: number, y: number): void;
  /** Ends a drag: puts the process in the column and place it was dropped at (one command), or back. */
  dropProcess(processId: string, x: number, y: number): Promise<void>;
  connect(fromActivityId: string, targetProcessId: string, kind?: HandoverKind): Promise<void>;
  deleteHandover(handoverId: string): Promise<void>;
  deleteActivity(activityId: string): Promise<void>;
  deleteSelection(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  setConnectKind(kind: HandoverKind): void;
  setShowSpawns(show: boolean): void;
  dismissFailure(): void;
  /** Highlights a workflow's expanded path on the canvas (null: none). */
  showWorkflow(path: WorkflowPath | null): void;
  /** Marks the activity a walkthrough stands at (null: none). */
  showCurrentStep(activityId: string | null): void;
  /** After a conflict: reload the model, then (optionally) apply the failed edit again on top of it. */
  reloadAfterConflict(applyAgain: boolean): Promise<void>;
  /** Runs a command and records it in the history; failures land in `failure`. */
  run(command: Command): Promise<boolean>;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

const initialState: EditorState = {
  organisationId: null,
  status: 'idle',
  loadError: null,
  model: null,
  layout: null,
  editable: false,
  selection: [],
  editingId: null,
  draft: null,
  drag: null,
  processDrag: null,
  connectKind: 'FORK',
  showSpawns: true,
  pending: 0,
  undoLabel: null,
  redoLabel: null,
  failure: null,
  revision: 0,
  workflowPath: null,
  pathHighlight: null,
  currentActivityId: null,
};

export function createEditorStore(
  gateway: ModelGateway,
  options: { historyLimit?: number } = {},
): EditorStore {
  const history = new CommandHistory(options.historyLimit);
  const aliases = new IdAliases();
  let queue: Promise<unknown> = Promise.resolve();
  let loadToken = 0;
  let failedCommand: Command | null = null;

  return createStore<EditorState & EditorActions>()((set, get) => {
    /** Sets the model (and what depends on it) in one update. */
    function setModel(model: ArchitectureModel | null, extra: Partial<EditorState> = {}): void {
      const state = { ...get(), ...extra };
      const exists = (id: string) =>
        !!model && (!!model.activities[id] || !!model.processes[id] || !!model.handovers[id]);
      set({
        ...extra,
        model,
        layout: model
          ? layoutArchitecture(model, {
              draft: state.draft,
              includeSpawns: state.showSpawns,
              move: dragTarget(model, state.drag),
              arrangement: arrangementOf(model.arrangement),
            })
          : null,
        editable: mayEdit(model?.myRole),
        pathHighlight: model && state.workflowPath ? highlightPath(model, state.workflowPath) : null,
        selection: unique(state.selection.map((id) => aliases.resolve(id)).filter(exists)),
        editingId: state.editingId && exists(state.editingId) ? state.editingId : null,
      });
    }

    function relayout(extra: Partial<EditorState>): void {
      setModel(get().model, extra);
    }

    function syncHistory(): void {
      set({ undoLabel: history.nextUndo()?.label ?? null, redoLabel: history.nextRedo()?.label ?? null });
    }

    const context: CommandContext = {
      gateway,
      model() {
        const model = get().model;
        if (!model) throw new GatewayError('NOT_FOUND', 'No organisation is open.');
        return model;
      },
      update(change) {
        setModel(change(context.model()));
      },
      resolve: (id) => aliases.resolve(id),
      alias: (oldId, newId) => aliases.alias(oldId, newId),
    };

    /** Runs tasks one at a time, in the order they were asked for. */
    function enqueue<T>(task: () => Promise<T>): Promise<T> {
      set((state) => ({ pending: state.pending + 1 }));
      const run = queue.then(task, task).finally(() => set((state) => ({ pending: state.pending - 1 })));
      queue = run.catch(() => undefined);
      return run;
    }

    function fail(edit: string, error: unknown, command: Command | null): void {
      failedCommand = command;
      const text = command instanceof RenameActivity ? command.text : undefined;
      const failure = describeFailure(edit, error, text);
      set({ failure });
      if (failure.kind === 'conflict') void explainConflict(failure);
    }

    /** Reads the server's model (without replacing the editor's) to say what changed meanwhile. */
    async function explainConflict(failure: EditFailure): Promise<void> {
      const { organisationId, model } = get();
      if (!organisationId || !model) return;
      try {
        const organisation = await gateway.loadOrganisation(organisationId);
        if (!organisation || get().failure !== failure) return;
        const changes = describeChanges(model, modelFromOrganisation(organisation));
        set({ failure: { ...failure, changes } });
      } catch {
        // The banner already says what was not saved; the list of changes is a courtesy.
      }
    }

    async function load(organisationId: string, keep: boolean): Promise<void> {
      const token = ++loadToken;
      set({
        organisationId,
        status: keep && get().model ? get().status : 'loading',
        loadError: null,
        ...(keep
          ? {}
          : { model: null, layout: null, selection: [], draft: null, drag: null, editingId: null }),
      });
      try {
        const organisation = await gateway.loadOrganisation(organisationId);
        if (token !== loadToken) return;
        // A (re)load replaces the model the history was recorded against: start a fresh history.
        history.clear();
        aliases.clear();
        syncHistory();
        if (!organisation) {
          setModel(null, { status: 'missing', draft: null, drag: null });
          return;
        }
        setModel(modelFromOrganisation(organisation), { status: 'ready', draft: null, drag: null });
      } catch (error) {
        if (token !== loadToken) return;
        const message = describeFailure('Load the organisation', error).message;
        set({ status: keep && get().model ? 'ready' : 'error', loadError: message });
        if (keep) throw error;
      }
    }

    const actions: EditorActions = {
      open: (organisationId) => load(organisationId, false),

      async reload() {
        const id = get().organisationId;
        if (id) await load(id, true).catch(() => undefined);
      },

      select(ids) {
        set({ selection: unique(ids) });
      },

      changeSelection(changes) {
        const selected = new Set(get().selection);
        for (const change of changes) {
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
        const next = [...selected];
        const current = get().selection;
        if (next.length !== current.length || next.some((id, index) => id !== current[index])) {
          set({ selection: next });
        }
      },

      startRename(activityId) {
        if (!get().editable || !get().model?.activities[activityId]) return;
        set({ editingId: activityId, selection: [activityId] });
      },

      cancelRename() {
        set({ editingId: null });
      },

      startDraft(processId, position) {
        const model = get().model;
        const process = model?.processes[processId];
        if (!get().editable || !process) return;
        relayout({
          draft: { processId, position: position ?? process.activityIds.length + 1 },
          editingId: null,
        });
      },

      cancelDraft() {
        if (get().draft) relayout({ draft: null });
      },

      async commitDraft(name) {
        const draft = get().draft;
        if (!draft) return;
        relayout({ draft: null });
        await actions.addActivity(draft.processId, name, draft.position);
      },

      async addActivity(processId, name, position) {
        const command = new AddActivity(processId, name, position);
        if (await actions.run(command)) {
          const id = command.activityId;
          if (id) set({ selection: [aliases.resolve(id)] });
        }
      },

      async renameActivity(activityId, name) {
        set({ editingId: null });
        const activity = get().model?.activities[activityId];
        if (!activity || activity.name === name.trim()) return;
        await actions.run(new RenameActivity(activityId, name));
      },

      async moveActivity(activityId, position) {
        const activity = get().model?.activities[activityId];
        if (!activity || activity.position === position) return;
        await actions.run(new MoveActivity(activityId, position));
      },

      async nudgeActivity(activityId, delta) {
        const model = get().model;
        const activity = model?.activities[activityId];
        if (!model || !activity) return;
        const count = model.processes[activity.processId]?.activityIds.length ?? 0;
        const position = activity.position + delta;
        if (position >= 1 && position <= count) await actions.moveActivity(activityId, position);
      },

      dragActivity(activityId, y) {
        if (!get().editable) return;
        const model = get().model;
        const before = dragTarget(model, get().drag);
        const drag = { activityId, y };
        const after = dragTarget(model, drag);
        // The others make room where the activity would land; the layout only changes when that place does.
        if (before?.position === after?.position && before?.activityId === after?.activityId) set({ drag });
        else relayout({ drag });
      },

      async dropActivity(activityId, y) {
        const model = get().model;
        const activity = model?.activities[activityId];
        if (!model || !activity || !get().editable) {
          relayout({ drag: null });
          return;
        }
        const position = positionAt(model, activity.processId, y);
        if (position === activity.position) {
          relayout({ drag: null });
          return;
        }
        // The dragged node stays where it was dropped until the move is saved, then snaps into its slot.
        set({ drag: { activityId, y } });
        try {
          await actions.moveActivity(activityId, position);
        } finally {
          relayout({ drag: null });
        }
      },

      async arrangeProcesses(arrangement, label) {
        const model = get().model;
        if (!model) return;
        const next = arrangement && sameArrangement(arrangement, ARRANGEMENT) ? null : arrangement;
        if (sameArrangement(arrangementOf(next), arrangementOf(model.arrangement))) return;
        await actions.run(new ArrangeProcesses(next, label));
      },

      async shiftProcess(processId, direction) {
        const model = get().model;
        const process = model?.processes[processId];
        if (!model || !process || !get().editable) return;
        const next = shiftProcess(arrangementOf(model.arrangement), process.key, direction);
        if (next) await actions.arrangeProcesses(next, `Move ${process.name} ${direction}`);
      },

      dragProcess(processId, x, y) {
        if (get().editable) set({ processDrag: { processId, x, y } });
      },

      async dropProcess(processId, x, y) {
        const { model, layout } = get();
        const process = model?.processes[processId];
        if (!model || !layout || !process || !get().editable) {
          set({ processDrag: null });
          return;
        }
        const boxes = Object.fromEntries(
          model.processIds.map((id) => [model.processes[id]!.key, layout.processes[id]]),
        );
        const next = arrangementAfterDrop(arrangementOf(model.arrangement), boxes, process.key, x, y);
        try {
          await actions.arrangeProcesses(next, `Move ${process.name}`);
        } finally {
          set({ processDrag: null });
        }
      },

      async connect(fromActivityId, targetProcessId, kind) {
        await actions.run(new AddHandover(fromActivityId, targetProcessId, kind ?? get().connectKind));
      },

      async deleteHandover(handoverId) {
        await actions.run(new DeleteHandover(handoverId));
      },

      async deleteActivity(activityId) {
        await actions.run(new DeleteActivity(activityId));
      },

      async deleteSelection() {
        const model = get().model;
        if (!model || !get().editable) return;
        const selection = get().selection;
        const activityIds = selection.filter((id) => model.activities[id]);
        const doomed = new Set(activityIds);
        // Hand-overs of a deleted activity go with it (and come back with its undo).
        const handoverIds = selection.filter(
          (id) => model.handovers[id] && !doomed.has(model.handovers[id]!.fromActivityId),
        );
        const commands: Command[] = [
          ...handoverIds.map((id) => new DeleteHandover(id)),
          ...activityIds.map((id) => new DeleteActivity(id)),
        ];
        if (commands.length === 0) return;
        const command =
          commands.length === 1 ? commands[0]! : new Batch(`Delete ${commands.length} items`, commands);
        if (await actions.run(command)) set({ selection: [] });
      },

      undo() {
        return enqueue(async () => {
          const command = history.nextUndo();
          if (!command) return;
          try {
            await command.undo(context);
            history.markUndone();
            set((state) => ({ failure: null, revision: state.revision + 1 }));
          } catch (error) {
            fail(`Undo ${command.label}`, error, null);
          }
          syncHistory();
        });
      },

      redo() {
        return enqueue(async () => {
          const command = history.nextRedo();
          if (!command) return;
          try {
            await command.redo(context);
            history.markRedone();
            set((state) => ({ failure: null, revision: state.revision + 1 }));
          } catch (error) {
            fail(`Redo ${command.label}`, error, null);
          }
          syncHistory();
        });
      },

      setConnectKind(kind) {
        set({ connectKind: kind });
      },

      setShowSpawns(show) {
        relayout({ showSpawns: show });
      },

      showWorkflow(path) {
        const model = get().model;
        set({ workflowPath: path, pathHighlight: model && path ? highlightPath(model, path) : null });
      },

      showCurrentStep(activityId) {
        if (get().currentActivityId !== activityId) set({ currentActivityId: activityId });
      },

      dismissFailure() {
        failedCommand = null;
        set({ failure: null });
      },

      async reloadAfterConflict(applyAgain) {
        const command = failedCommand;
        failedCommand = null;
        set({ failure: null });
        await actions.reload();
        set((state) => ({ revision: state.revision + 1 }));
        if (applyAgain && command && get().status === 'ready') {
          await command.prepareRetry?.();
          await actions.run(command);
        }
      },

      run(command) {
        return enqueue(async () => {
          if (!get().editable) {
            fail(command.label, new GatewayError('FORBIDDEN', 'Your role does not allow editing.'), null);
            return false;
          }
          try {
            await command.execute(context);
            history.record(command);
            failedCommand = null;
            set((state) => ({ failure: null, revision: state.revision + 1 }));
            return true;
          } catch (error) {
            fail(command.label, error, command);
            return false;
          } finally {
            syncHistory();
          }
        });
      },
    };

    return { ...initialState, ...actions };
  });
}

/** Where a dragged activity would land if dropped now. */
function dragTarget(
  model: ArchitectureModel | null,
  drag: EditorState['drag'],
): { activityId: string; position: number } | null {
  const activity = drag && model?.activities[drag.activityId];
  if (!drag || !model || !activity) return null;
  return { activityId: drag.activityId, position: positionAt(model, activity.processId, drag.y) };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
