/**
 * From the editor state to React Flow's nodes and edges. React Flow is kept controlled: it shows exactly
 * these, and its change events go back to the store (ArchitectureCanvas). Node data objects are reused
 * while their content is unchanged, so memoised node components skip re-rendering.
 */
import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { LAYOUT, type ArchitectureLayout, type EdgeRoute } from '../core/layout';
import type { ArchitectureModel } from '../core/model';
import type { PathHighlight } from '../core/workflow-path';
import type { CallType, HandoverKind, ProcessKey } from '../core/usm';
import { PROCESS_COLOURS } from './colours';

/** Spawns are grey and dashed; forks take the colour of the process they call. */
export const SPAWN_COLOUR = '#6b7484';

export interface ProcessNodeData extends Record<string, unknown> {
  processId: string;
  processKey: ProcessKey;
  name: string;
  purpose: string;
  count: number;
  editable: boolean;
  /** A workflow is highlighted and does not pass through this process. */
  dimmed: boolean;
  /** A walkthrough stands at one of its activities. */
  current?: boolean;
}

export interface ActivityNodeData extends Record<string, unknown> {
  activityId: string;
  processKey: ProcessKey;
  name: string;
  position: number;
  editing: boolean;
  editable: boolean;
  /** Where the highlighted workflow visits this activity ('3', or '3, 9'); null when it does not. */
  pathSteps: string | null;
  dimmed: boolean;
  /** The activity a walkthrough stands at. */
  current?: boolean;
}

export interface DraftNodeData extends Record<string, unknown> {
  processId: string;
  processKey: ProcessKey;
  position: number;
}

export interface HandoverEdgeData extends Record<string, unknown> {
  route: EdgeRoute;
  kind: HandoverKind;
  callType: CallType;
  targetKey: ProcessKey;
  onPath: boolean;
  dimmed: boolean;
}

export type ProcessFlowNode = Node<ProcessNodeData, 'process'>;
export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;
export type DraftFlowNode = Node<DraftNodeData, 'draft'>;
export type StudioNode = ProcessFlowNode | ActivityFlowNode | DraftFlowNode;
export type HandoverFlowEdge = Edge<HandoverEdgeData, 'handover'>;

export const DRAFT_NODE_ID = 'draft-activity';

export interface FlowInput {
  model: ArchitectureModel;
  layout: ArchitectureLayout;
  selection: ReadonlySet<string>;
  editingId: string | null;
  drag: { activityId: string; y: number } | null;
  /** A process container being dragged (its top-left corner). */
  processDrag?: { processId: string; x: number; y: number } | null;
  editable: boolean;
  highlight?: PathHighlight | null;
  /** The activity a walkthrough stands at. */
  currentActivityId?: string | null;
  /**
   * The overview draws the activities (zoomed out at scale, OverviewLayer): their nodes are hidden, except
   * one being renamed.
   */
  overview?: boolean;
}

/** Previous data objects and elements by id, reused while unchanged. */
export type FlowCache = Map<string, object>;

/** Keeps the previous data object when nothing in it changed. */
function stable<T extends Record<string, unknown>>(cache: FlowCache, id: string, next: T): T {
  return reuse(cache, `data:${id}`, next);
}

/**
 * Keeps the previous node or edge object when it is unchanged: React Flow then keeps its internal node and
 * skips re-rendering it, so a drag or a selection re-renders only the nodes it touches.
 */
function reuse<T extends object>(cache: FlowCache, key: string, next: T): T {
  const previous = cache.get(key) as T | undefined;
  if (previous && sameShallow(previous, next)) return previous;
  cache.set(key, next);
  return next;
}

/** Keeps the previous handles array while the handles are the same (so the node object can be kept too). */
function sameHandles(cache: FlowCache, key: string, next: NodeHandle[]): NodeHandle[] {
  const previous = cache.get(key) as NodeHandle[] | undefined;
  if (
    previous &&
    previous.length === next.length &&
    previous.every((handle, index) => sameShallow(handle, next[index]!))
  )
    return previous;
  cache.set(key, next);
  return next;
}

/** Equal keys with identical values; nested plain objects (position, marker) compared one level down. */
function sameShallow(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => {
    const x = left[key];
    const y = right[key];
    if (x === y) return true;
    if (!x || !y || typeof x !== 'object' || typeof y !== 'object' || Array.isArray(x)) return false;
    const inner = Object.keys(x);
    return (
      inner.length === Object.keys(y).length &&
      inner.every((name) => (x as Record<string, unknown>)[name] === (y as Record<string, unknown>)[name])
    );
  });
}

/**
 * Where each node's handles are, declared up front (React Flow's `handles`, in the node's coordinates) as
 * the stylesheet puts them (styles.css: `.activity__out` 10 px at 6 px outside the right edge; React
 * Flow's 6 px anchors centred on the 1 px border of `.process`; `.process__drop` over the header). React
 * Flow otherwise learns them by mounting the node, and does so for every node it has not measured — or
 * whose object changed without `measured` — whether it is in view or not: thousands of rows mounted at
 * once on the first zoom into a large architecture, and a process's rows each time a drag reorders it.
 */
function activityHandles(width: number, height: number): NodeHandle[] {
  return [
    {
      id: 'out',
      type: 'source',
      position: Position.Right,
      x: width + 1,
      y: height / 2 - 5,
      width: 10,
      height: 10,
    },
  ];
}

function processHandles(width: number, height: number): NodeHandle[] {
  const anchor = { type: 'target', width: 6, height: 6, x: width / 2 - 3 } as const;
  return [
    { ...anchor, id: 'in-top', position: Position.Top, y: -2 },
    { ...anchor, id: 'in-bottom', position: Position.Bottom, y: height - 4 },
    {
      id: 'drop',
      type: 'target',
      position: Position.Top,
      x: 1,
      y: 1,
      width: width - 2,
      height: LAYOUT.headerHeight,
    },
  ];
}

/**
 * The nodes for this state. A drag moves one node on every mouse move: the nodes built without it are kept
 * (while nothing else changed) and only the dragged one is replaced, so a move costs one node, not a walk
 * over thousands.
 */
export function buildNodes(input: FlowInput, cache: FlowCache = new Map()): StudioNode[] {
  const base = baseNodes(input, cache);
  const drag = input.drag;
  if (!drag) return base;
  const index = base.findIndex((node) => node.id === drag.activityId);
  const node = base[index];
  if (!node) return base;
  const nodes = base.slice();
  nodes[index] = { ...node, position: { x: LAYOUT.padding, y: drag.y }, zIndex: 10 } as StudioNode;
  return nodes;
}

interface BaseEntry {
  key: unknown[];
  nodes: StudioNode[];
}

function baseNodes(input: FlowInput, cache: FlowCache): StudioNode[] {
  const key = [
    input.model,
    input.layout,
    input.selection,
    input.editingId,
    input.processDrag ?? null,
    input.editable,
    input.highlight ?? null,
    input.currentActivityId ?? null,
    input.overview ?? false,
  ];
  const previous = cache.get('base') as BaseEntry | undefined;
  if (previous && previous.key.every((value, index) => value === key[index])) return previous.nodes;
  const nodes = buildAllNodes(input, cache);
  cache.set('base', { key, nodes } satisfies BaseEntry);
  return nodes;
}

function buildAllNodes(input: FlowInput, cache: FlowCache): StudioNode[] {
  const { model, layout, selection, editingId, editable } = input;
  const highlight = input.highlight ?? null;
  const currentProcessId = input.currentActivityId
    ? (model.activities[input.currentActivityId]?.processId ?? null)
    : null;
  const nodes: StudioNode[] = [];
  const push = (node: StudioNode) => nodes.push(reuse(cache, `node:${node.id}`, node));
  // Parents come before their children, as React Flow requires.
  for (const processId of model.processIds) {
    const process = model.processes[processId]!;
    const box = layout.processes[processId];
    if (!box) continue;
    const dragged = input.processDrag?.processId === processId ? input.processDrag : null;
    push({
      id: processId,
      type: 'process',
      position: dragged ? { x: dragged.x, y: dragged.y } : { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      selected: selection.has(processId),
      // Moved by its header only: the body is where activities are dragged and hand-overs dropped.
      draggable: editable,
      dragHandle: '.process__header',
      zIndex: dragged ? 5 : undefined,
      handles: sameHandles(cache, `handles:${processId}`, processHandles(box.width, box.height)),
      deletable: false,
      connectable: editable,
      ariaLabel: `${process.name} process, ${process.activityIds.length} activities`,
      data: stable(cache, processId, {
        processId,
        processKey: process.key,
        name: process.name,
        purpose: process.purpose,
        count: process.activityIds.length,
        editable,
        dimmed: !!highlight && !highlight.processIds.has(processId),
        ...(currentProcessId === processId ? { current: true } : {}),
      }),
    });
  }
  for (const processId of model.processIds) {
    for (const activityId of model.processes[processId]!.activityIds) {
      const activity = model.activities[activityId]!;
      const box = layout.activities[activityId];
      if (!box) continue;
      const editing = editingId === activityId;
      push({
        id: activityId,
        type: 'activity',
        parentId: processId,
        extent: 'parent',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        selected: selection.has(activityId),
        draggable: editable && !editing,
        handles: sameHandles(cache, `handles:${activityId}`, activityHandles(box.width, box.height)),
        deletable: false,
        connectable: editable,
        zIndex: undefined,
        ...(input.overview && !editing ? { hidden: true } : {}),
        ariaLabel: `${activity.position}. ${activity.name}`,
        data: stable(cache, activityId, {
          activityId,
          processKey: activity.processKey,
          name: activity.name,
          position: activity.position,
          editing,
          editable,
          pathSteps: highlight?.stepNumbers.get(activityId)?.join(', ') ?? null,
          dimmed: !!highlight && !highlight.activityIds.has(activityId),
          ...(input.currentActivityId === activityId ? { current: true } : {}),
        }),
      });
    }
  }
  if (layout.draft) {
    const process = model.processes[layout.draft.processId]!;
    push({
      id: DRAFT_NODE_ID,
      type: 'draft',
      parentId: layout.draft.processId,
      position: { x: layout.draft.box.x, y: layout.draft.box.y },
      width: layout.draft.box.width,
      height: layout.draft.box.height,
      draggable: false,
      selectable: false,
      connectable: false,
      deletable: false,
      handles: [],
      data: stable(cache, DRAFT_NODE_ID, {
        processId: process.id,
        processKey: process.key,
        position: layout.draft.position,
      }),
    });
  }
  return nodes;
}

export function buildEdges(
  input: Pick<FlowInput, 'model' | 'layout' | 'selection' | 'highlight' | 'overview'>,
  cache: FlowCache = new Map(),
) {
  const { model, layout, selection } = input;
  const highlight = input.highlight ?? null;
  const edges: HandoverFlowEdge[] = [];
  const push = (edge: HandoverFlowEdge) => edges.push(reuse(cache, `edge:${edge.id}`, edge));
  for (const handover of Object.values(model.handovers)) {
    const route = layout.routes[handover.id];
    if (!route) continue;
    push({
      id: handover.id,
      type: 'handover',
      source: handover.fromActivityId,
      sourceHandle: 'out',
      target: handover.targetProcessId,
      targetHandle: route.side === 'top' ? 'in-top' : 'in-bottom',
      selected: selection.has(handover.id),
      deletable: false,
      // The overview draws the hand-overs itself.
      ...(input.overview ? { hidden: true } : {}),
      markerEnd: {
        type: MarkerType.ArrowClosed,
        color: handover.kind === 'FORK' ? PROCESS_COLOURS[handover.targetKey].strong : SPAWN_COLOUR,
        width: 16,
        height: 16,
      },
      ariaLabel: `${handover.kind === 'FORK' ? 'Fork' : 'Spawn'} from ${model.activities[handover.fromActivityId]?.name} to ${model.processes[handover.targetProcessId]?.name}`,
      data: stable(cache, handover.id, {
        route,
        kind: handover.kind,
        callType: handover.callType,
        targetKey: handover.targetKey,
        onPath: !!highlight?.handoverIds.has(handover.id),
        dimmed: !!highlight && !highlight.handoverIds.has(handover.id),
      }),
    });
  }
  return edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
