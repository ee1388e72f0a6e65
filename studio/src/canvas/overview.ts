/**
 * The overview: how the canvas draws a large architecture when zoomed out (level-of-detail.ts). Each
 * process's activity rows become one SVG path, and the hand-overs a few paths grouped by how they look,
 * instead of one React Flow node (with its wrapper, handle and subscriptions) per activity. Pure
 * functions of the model and the layout; OverviewLayer.tsx draws them.
 */
import { LAYOUT, type ArchitectureLayout, type Box } from '../core/layout';
import type { ArchitectureModel } from '../core/model';
import type { PathHighlight } from '../core/workflow-path';
import type { HandoverKind, ProcessKey } from '../core/usm';

const SLOT = LAYOUT.activityHeight + LAYOUT.activityGap;

export interface OverviewMarks {
  selection: ReadonlySet<string>;
  highlight: PathHighlight | null;
  currentActivityId: string | null;
}

export interface ProcessRows {
  processId: string;
  processKey: ProcessKey;
  /** How many rows `rows` and `dimmed` draw together (every activity of the process). */
  count: number;
  /** The rows, absolute, as one path (rectangles). */
  rows: string;
  /** Rows of activities a highlighted workflow does not visit. */
  dimmed: string;
  /** The outlines of selected, on-path and current rows. */
  marked: string;
}

/** The absolute box of every activity of a process, in position order (a draft row may stand among them). */
export function rowBoxes(
  model: ArchitectureModel,
  layout: ArchitectureLayout,
  processId: string,
): { activityId: string; box: Box }[] {
  const process = model.processes[processId];
  const parent = layout.processes[processId];
  if (!process || !parent) return [];
  return process.activityIds.flatMap((activityId) => {
    const box = layout.activities[activityId];
    return box ? [{ activityId, box: { ...box, x: parent.x + box.x, y: parent.y + box.y } }] : [];
  });
}

/** Rectangles as one path. */
export function rectanglesPath(boxes: readonly Box[]): string {
  return boxes.map((box) => `M${box.x} ${box.y}h${box.width}v${box.height}h${-box.width}z`).join('');
}

/** One process's rows, dimmed and marked as the highlighted workflow, the selection and a walkthrough say. */
export function processRows(
  model: ArchitectureModel,
  layout: ArchitectureLayout,
  processId: string,
  marks: OverviewMarks,
): ProcessRows {
  const highlight = marks.highlight;
  const plain: Box[] = [];
  const dimmed: Box[] = [];
  const marked: Box[] = [];
  for (const { activityId, box } of rowBoxes(model, layout, processId)) {
    (highlight && !highlight.activityIds.has(activityId) ? dimmed : plain).push(box);
    if (
      marks.selection.has(activityId) ||
      marks.currentActivityId === activityId ||
      highlight?.activityIds.has(activityId)
    )
      marked.push(box);
  }
  return {
    processId,
    processKey: model.processes[processId]!.key,
    count: plain.length + dimmed.length,
    rows: rectanglesPath(plain),
    dimmed: rectanglesPath(dimmed),
    marked: rectanglesPath(marked),
  };
}

export interface HandoverGroup {
  key: string;
  kind: HandoverKind;
  /** The process the hand-overs enter (their colour, for forks). */
  targetKey: ProcessKey;
  onPath: boolean;
  dimmed: boolean;
  /**
   * Every hand-over of the group: forks as orthogonal polylines in one path; spawns (dashed) one path per
   * straight run, since the renderer skips the dashes outside the area it paints only for a path that is
   * a single line (a whole route's dashes would be generated for every tile it crosses).
   */
  paths: string[];
}

/** The hand-overs along the layout's routes, grouped by how they are drawn (a few paths in all). */
export function handoverGroups(
  model: ArchitectureModel,
  layout: ArchitectureLayout,
  highlight: PathHighlight | null,
): HandoverGroup[] {
  const groups = new Map<string, HandoverGroup & { parts: string[] }>();
  for (const handover of Object.values(model.handovers)) {
    const route = layout.routes[handover.id];
    const from = model.activities[handover.fromActivityId];
    const box = layout.activities[handover.fromActivityId];
    const parent = from ? layout.processes[from.processId] : undefined;
    if (!route || !box || !parent) continue;
    const onPath = !!highlight?.handoverIds.has(handover.id);
    const dimmed = !!highlight && !onPath;
    const key = `${handover.kind}:${handover.targetKey}:${onPath ? 'on' : dimmed ? 'dim' : 'plain'}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        kind: handover.kind,
        targetKey: handover.targetKey,
        onPath,
        dimmed,
        paths: [],
        parts: [],
      };
      groups.set(key, group);
    }
    const x = parent.x + box.x + box.width;
    const y = parent.y + box.y + box.height / 2;
    if (handover.kind === 'SPAWN') {
      group.parts.push(
        `M${x} ${y}L${route.exitX} ${y}`,
        `M${route.exitX} ${y}L${route.exitX} ${route.laneY}`,
        `M${route.exitX} ${route.laneY}L${route.entryX} ${route.laneY}`,
        `M${route.entryX} ${route.laneY}L${route.entryX} ${route.entryY}`,
      );
    } else {
      group.parts.push(`M${x} ${y}H${route.exitX}V${route.laneY}H${route.entryX}V${route.entryY}`);
    }
  }
  return [...groups.values()]
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ parts, ...group }) => ({ ...group, paths: group.kind === 'SPAWN' ? parts : [parts.join('')] }));
}

/**
 * The activity under a point of the flow (absolute coordinates) inside a process, or null between rows.
 * Reads the layout's boxes, so a draft row or a gap is never taken for an activity.
 */
export function activityAtPoint(
  model: ArchitectureModel,
  layout: ArchitectureLayout,
  processId: string,
  x: number,
  y: number,
): string | null {
  const process = model.processes[processId];
  const parent = layout.processes[processId];
  if (!process || !parent) return null;
  const relativeX = x - parent.x;
  const relativeY = y - parent.y;
  // Rows are in slots: look at the one or two the point can fall into, not at every row.
  const guess = Math.floor((relativeY - LAYOUT.headerHeight) / SLOT);
  for (const index of [guess, guess - 1, guess + 1]) {
    const activityId = process.activityIds[index];
    const box = activityId ? layout.activities[activityId] : undefined;
    if (
      box &&
      relativeX >= box.x &&
      relativeX <= box.x + box.width &&
      relativeY >= box.y &&
      relativeY <= box.y + box.height
    )
      return activityId!;
  }
  return null;
}
