import type { StoreApi } from 'zustand/vanilla';
import type { Arrangement } from './arrangement';
import type { Command } from './commands';
import type { EditFailure } from './errors';
import type { ArchitectureLayout } from './layout';
import type { ArchitectureModel } from './model';
import type { HandoverKind } from './usm';
import type { PathHighlight, WorkflowPath } from './workflow-path';

/** What the editor's store holds and what it can be asked to do (store.ts). */
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

export const initialState: EditorState = {
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
