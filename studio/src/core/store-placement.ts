import { arrangementAfterDrop, arrangementOf, sameArrangement, shiftProcess } from './arrangement';
import { ArrangeProcesses, MoveActivity } from './commands';
import { ARRANGEMENT, positionAt } from './layout';
import type { ArchitectureModel } from './model';
import type { EditorActions, EditorState } from './store-state';

/** What the placement actions need of the store. */
export interface PlacementKernel {
  get(): EditorState & EditorActions;
  set(partial: Partial<EditorState>): void;
  /** Sets state and lays the canvas out again (other activities make room for a dragged one). */
  relayout(extra: Partial<EditorState>): void;
}

export type PlacementActions = Pick<
  EditorActions,
  | 'moveActivity'
  | 'nudgeActivity'
  | 'dragActivity'
  | 'dropActivity'
  | 'arrangeProcesses'
  | 'shiftProcess'
  | 'dragProcess'
  | 'dropProcess'
>;

/**
 * Moving things on the canvas: an activity within its process (dragged, dropped, nudged by the keyboard) and
 * the process containers (arranged, shifted, dragged, dropped). Dragging only changes the editor's state;
 * each completed move is one command (MoveActivity, ArrangeProcesses) run through the store's queue.
 */
export function placementActions({ get, set, relayout }: PlacementKernel): PlacementActions {
  return {
    async moveActivity(activityId, position) {
      const activity = get().model?.activities[activityId];
      if (!activity || activity.position === position) return;
      await get().run(new MoveActivity(activityId, position));
    },

    async nudgeActivity(activityId, delta) {
      const model = get().model;
      const activity = model?.activities[activityId];
      if (!model || !activity) return;
      const count = model.processes[activity.processId]?.activityIds.length ?? 0;
      const position = activity.position + delta;
      if (position >= 1 && position <= count) await get().moveActivity(activityId, position);
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
        await get().moveActivity(activityId, position);
      } finally {
        relayout({ drag: null });
      }
    },

    async arrangeProcesses(arrangement, label) {
      const model = get().model;
      if (!model) return;
      const next = arrangement && sameArrangement(arrangement, ARRANGEMENT) ? null : arrangement;
      if (sameArrangement(arrangementOf(next), arrangementOf(model.arrangement))) return;
      await get().run(new ArrangeProcesses(next, label));
    },

    async shiftProcess(processId, direction) {
      const model = get().model;
      const process = model?.processes[processId];
      if (!model || !process || !get().editable) return;
      const next = shiftProcess(arrangementOf(model.arrangement), process.key, direction);
      if (next) await get().arrangeProcesses(next, `Move ${process.name} ${direction}`);
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
        await get().arrangeProcesses(next, `Move ${process.name}`);
      } finally {
        set({ processDrag: null });
      }
    },
  };
}

/** Where a dragged activity would land if dropped now. */
export function dragTarget(
  model: ArchitectureModel | null,
  drag: EditorState['drag'],
): { activityId: string; position: number } | null {
  const activity = drag && model?.activities[drag.activityId];
  if (!drag || !model || !activity) return null;
  return { activityId: drag.activityId, position: positionAt(model, activity.processId, drag.y) };
}
