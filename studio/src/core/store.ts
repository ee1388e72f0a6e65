/**
 * The editor's one store: the model, its layout, the selection, what is being edited, and the command
 * history. Plain zustand (no React): the canvas subscribes with selectors, tests drive it directly.
 *
 * Every edit goes through `run(command)`; commands run one after another (each waits for the API), and
 * only commands enter the history — loading, selecting, dragging and naming a draft never do.
 */
import { createStore } from 'zustand/vanilla';
import { arrangementOf } from './arrangement';
import {
  AddActivity,
  AddHandover,
  Batch,
  DeleteActivity,
  DeleteHandover,
  RenameActivity,
  type Command,
  type CommandContext,
} from './commands';
import { describeFailure, GatewayError, type EditFailure } from './errors';
import type { ModelGateway } from './gateway';
import { CommandHistory } from './history';
import { IdAliases } from './ids';
import { layoutArchitecture } from './layout';
import { modelFromOrganisation, type ArchitectureModel } from './model';
import { describeChanges } from './model-diff';
import { mayEdit } from './rules';
import { dragTarget, placementActions } from './store-placement';
import { initialState, type EditorActions, type EditorState, type EditorStore } from './store-state';
import { highlightPath } from './workflow-path';

export type { EditorActions, EditorState, EditorStore, LoadStatus } from './store-state';

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

      ...placementActions({ get, set, relayout }),

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

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
