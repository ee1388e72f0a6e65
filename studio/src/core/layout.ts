/**
 * The USM-aware layout of the architecture canvas. The structure is known — five processes, ordered
 * activities, hand-overs from an activity to a process — so no general graph layout is needed: this is a
 * pure function of the model, deterministic (same model, same pixels) and linear in its size.
 *
 * Arrangement: the processes stand in columns in the direction forks flow, so every fork points right:
 *
 *   Improve │ Agree │ Recover │ Change │ Operate
 *
 * Improve forks to Agree, Change and Operate; Agree and Recover fork to Change (Recover also to Operate);
 * Change forks to Operate; Operate forks to nothing. Activities are stacked in position order inside their
 * process. (A column may hold several processes, stacked; the default keeps one per column, which fits a
 * wide screen best.)
 *
 * Edges are routed orthogonally around the containers, never through them: out of the activity to the
 * right, along the gap beside its column, then along a lane above all containers (forks, entering the
 * target at its top) or below them (spawns, entering at its bottom), each hand-over on a lane of its own.
 */
import type { ArchitectureModel, HandoverEntry } from './model';
import type { ProcessKey } from './usm';

export const LAYOUT = {
  activityWidth: 208,
  activityHeight: 40,
  activityGap: 8,
  headerHeight: 54,
  padding: 14,
  footerHeight: 44,
  emptyHeight: 48,
  columnGap: 120,
  rowGap: 64,
  exitStart: 18,
  exitStep: 14,
  laneStart: 34,
  laneGap: 22,
  entryInset: 30,
  entryStep: 24,
} as const;

/** Columns from left to right; within a column, processes from top to bottom. */
export const ARRANGEMENT: readonly (readonly ProcessKey[])[] = [
  ['IMPROVE'],
  ['AGREE'],
  ['RECOVER'],
  ['CHANGE'],
  ['OPERATE'],
];

export const COLUMN_WIDTH = LAYOUT.activityWidth + 2 * LAYOUT.padding;
const SLOT = LAYOUT.activityHeight + LAYOUT.activityGap;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Side = 'top' | 'bottom';

/** An orthogonal route in absolute coordinates: source → (exitX, source y) → (exitX, laneY) → (entryX, laneY) → (entryX, entryY). */
export interface EdgeRoute {
  side: Side;
  exitX: number;
  laneY: number;
  entryX: number;
  entryY: number;
  labelX: number;
  labelY: number;
}

export interface ArchitectureLayout {
  /** Process containers, absolute. */
  processes: Readonly<Record<string, Box>>;
  /** Activities, relative to their process container (as React Flow places child nodes). */
  activities: Readonly<Record<string, Box>>;
  /** The row where a new activity is being named, relative to its process. */
  draft: { processId: string; position: number; box: Box } | null;
  routes: Readonly<Record<string, EdgeRoute>>;
  bounds: Box;
}

export interface LayoutOptions {
  /** Leave a row free at this position for a new activity being named. */
  draft?: { processId: string; position: number } | null;
  /** Route spawns too (they can be hidden to declutter). */
  includeSpawns?: boolean;
  /** An activity being dragged: lay its process out as if it stood at this position already. */
  move?: { activityId: string; position: number } | null;
  /** Columns of process keys, left to right (default ARRANGEMENT). */
  arrangement?: readonly (readonly ProcessKey[])[];
}

export function layoutArchitecture(
  model: ArchitectureModel,
  options: LayoutOptions = {},
): ArchitectureLayout {
  const includeSpawns = options.includeSpawns ?? true;
  const processes: Record<string, Box> = {};
  const activities: Record<string, Box> = {};
  const columnOf = new Map<string, number>();
  let draft: ArchitectureLayout['draft'] = null;

  (options.arrangement ?? ARRANGEMENT).forEach((keys, column) => {
    const x = column * (COLUMN_WIDTH + LAYOUT.columnGap);
    let y = 0;
    for (const key of keys) {
      const processId = model.processIdByKey[key];
      const process = model.processes[processId];
      if (!process) continue;
      const draftHere = options.draft?.processId === processId ? options.draft : null;
      const count = process.activityIds.length;
      const draftPosition = draftHere ? clamp(draftHere.position, 1, count + 1) : null;
      const rows = count + (draftPosition === null ? 0 : 1);
      orderWithMove(process.activityIds, options.move).forEach((activityId, index) => {
        const slot = draftPosition !== null && index + 1 >= draftPosition ? index + 1 : index;
        activities[activityId] = slotBox(slot);
      });
      if (draftPosition !== null)
        draft = { processId, position: draftPosition, box: slotBox(draftPosition - 1) };
      const body = rows === 0 ? LAYOUT.emptyHeight : rows * SLOT - LAYOUT.activityGap;
      const height = LAYOUT.headerHeight + body + LAYOUT.padding + LAYOUT.footerHeight;
      processes[processId] = { x, y, width: COLUMN_WIDTH, height };
      columnOf.set(processId, column);
      y += height + LAYOUT.rowGap;
    }
  });

  const containerTop = Math.min(...Object.values(processes).map((box) => box.y));
  const containerBottom = Math.max(...Object.values(processes).map((box) => box.y + box.height));
  const handovers = Object.values(model.handovers)
    .filter((handover) => includeSpawns || handover.kind === 'FORK')
    .filter((handover) => model.activities[handover.fromActivityId] && processes[handover.targetProcessId]);

  const routes = routeHandovers(model, handovers, {
    processes,
    activities,
    columnOf,
    containerTop,
    containerBottom,
  });
  const bounds = boundsOf([
    ...Object.values(processes),
    ...Object.values(routes).map((route) => ({ x: route.exitX, y: route.laneY, width: 1, height: 1 })),
  ]);
  return { processes, activities, draft, routes, bounds };
}

/** The position (1-based) an activity dropped at this y (relative to its process) takes. */
export function positionAt(model: ArchitectureModel, processId: string, y: number): number {
  const count = model.processes[processId]?.activityIds.length ?? 0;
  if (count === 0) return 1;
  const slot = Math.round((y - LAYOUT.headerHeight) / SLOT);
  return clamp(slot + 1, 1, count);
}

/** The absolute box of an activity (for fitting the view on it). */
export function absoluteActivityBox(
  layout: ArchitectureLayout,
  model: ArchitectureModel,
  activityId: string,
): Box | null {
  const activity = model.activities[activityId];
  const box = layout.activities[activityId];
  const parent = activity ? layout.processes[activity.processId] : undefined;
  if (!box || !parent) return null;
  return { ...box, x: parent.x + box.x, y: parent.y + box.y };
}

function orderWithMove(activityIds: readonly string[], move: LayoutOptions['move']): readonly string[] {
  if (!move || !activityIds.includes(move.activityId)) return activityIds;
  const others = activityIds.filter((id) => id !== move.activityId);
  const at = clamp(move.position, 1, activityIds.length) - 1;
  return [...others.slice(0, at), move.activityId, ...others.slice(at)];
}

function slotBox(slot: number): Box {
  return {
    x: LAYOUT.padding,
    y: LAYOUT.headerHeight + slot * SLOT,
    width: LAYOUT.activityWidth,
    height: LAYOUT.activityHeight,
  };
}

interface Geometry {
  processes: Record<string, Box>;
  activities: Record<string, Box>;
  columnOf: Map<string, number>;
  containerTop: number;
  containerBottom: number;
}

interface Pending {
  handover: HandoverEntry;
  side: Side;
  sourceX: number;
  sourceY: number;
  column: number;
  /** For a deterministic order independent of object key order. */
  order: string;
  exitX: number;
  entryX: number;
}

function routeHandovers(
  model: ArchitectureModel,
  handovers: HandoverEntry[],
  geometry: Geometry,
): Record<string, EdgeRoute> {
  const { processes, activities, columnOf } = geometry;
  const pending: Pending[] = handovers.map((handover) => {
    const activity = model.activities[handover.fromActivityId]!;
    const parent = processes[activity.processId]!;
    const box = activities[activity.id]!;
    const processIndex = model.processIds.indexOf(activity.processId);
    return {
      handover,
      side: entrySide(handover, geometry),
      sourceX: parent.x + box.x + box.width,
      sourceY: parent.y + box.y + box.height / 2,
      column: columnOf.get(activity.processId) ?? 0,
      order: [
        pad(processIndex),
        pad(activity.position),
        handover.kind,
        pad(model.processIds.indexOf(handover.targetProcessId)),
        handover.callType,
        handover.id,
      ].join('|'),
      exitX: 0,
      entryX: 0,
    };
  });
  pending.sort((a, b) => compare(a.order, b.order));

  // Vertical runs beside each column: upward ones nearest the column, higher sources first, then the
  // downward ones, lower sources first — so the short stubs out of the activities cross as little as can be.
  const byColumn = groupBy(pending, (item) => String(item.column));
  for (const items of byColumn.values()) {
    const up = items
      .filter((item) => item.side === 'top')
      .sort((a, b) => a.sourceY - b.sourceY || compare(a.order, b.order));
    const down = items
      .filter((item) => item.side === 'bottom')
      .sort((a, b) => b.sourceY - a.sourceY || compare(a.order, b.order));
    [...up, ...down].forEach((item, index) => {
      const columnRight = item.column * (COLUMN_WIDTH + LAYOUT.columnGap) + COLUMN_WIDTH;
      item.exitX = columnRight + LAYOUT.exitStart + index * LAYOUT.exitStep;
    });
  }

  // Entry points along the target's top or bottom edge, ordered by where the edges come from.
  const byEntry = groupBy(pending, (item) => `${item.handover.targetProcessId}|${item.side}`);
  for (const items of byEntry.values()) {
    const target = processes[items[0]!.handover.targetProcessId]!;
    const room = target.width - 2 * LAYOUT.entryInset;
    const step = items.length > 1 ? Math.min(LAYOUT.entryStep, room / (items.length - 1)) : 0;
    items
      .sort((a, b) => a.exitX - b.exitX || compare(a.order, b.order))
      .forEach((item, index) => {
        item.entryX = target.x + LAYOUT.entryInset + index * step;
      });
  }

  // One lane per hand-over; the shorter the horizontal run, the nearer its lane to the containers.
  const routes: Record<string, EdgeRoute> = {};
  for (const side of ['top', 'bottom'] as const) {
    pending
      .filter((item) => item.side === side)
      .sort(
        (a, b) => Math.abs(a.entryX - a.exitX) - Math.abs(b.entryX - b.exitX) || compare(a.order, b.order),
      )
      .forEach((item, lane) => {
        const target = processes[item.handover.targetProcessId]!;
        const offset = LAYOUT.laneStart + lane * LAYOUT.laneGap;
        const laneY = side === 'top' ? geometry.containerTop - offset : geometry.containerBottom + offset;
        routes[item.handover.id] = {
          side,
          exitX: item.exitX,
          laneY,
          entryX: item.entryX,
          entryY: side === 'top' ? target.y : target.y + target.height,
          labelX: (item.exitX + item.entryX) / 2,
          labelY: laneY,
        };
      });
  }
  return routes;
}

/** Forks enter at the top, spawns at the bottom — unless another container of the column is in the way. */
function entrySide(handover: HandoverEntry, geometry: Geometry): Side {
  const target = geometry.processes[handover.targetProcessId]!;
  const column = geometry.columnOf.get(handover.targetProcessId);
  const neighbours = Object.entries(geometry.processes).filter(
    ([id]) => id !== handover.targetProcessId && geometry.columnOf.get(id) === column,
  );
  const above = neighbours.some(([, box]) => box.y < target.y);
  const below = neighbours.some(([, box]) => box.y > target.y);
  const preferred: Side = handover.kind === 'FORK' ? 'top' : 'bottom';
  if (preferred === 'top' && above && !below) return 'bottom';
  if (preferred === 'bottom' && below && !above) return 'top';
  return preferred;
}

function boundsOf(boxes: Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function pad(value: number): string {
  return String(value).padStart(6, '0');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
