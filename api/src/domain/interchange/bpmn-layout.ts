import type { BpmnGraph, FlowNode, NodeType, Pool } from './bpmn-graph';

const COLUMN_WIDTH = 140;
const ROW_HEIGHT = 120;
export const POOL_X = 40;
export const POOL_LABEL = 30;
const LANE_LABEL = 30;
const POOL_GAP = 40;
const COLLAPSED_HEIGHT = 60;
const SIZE: Record<NodeType, { width: number; height: number }> = {
  task: { width: 100, height: 80 },
  callActivity: { width: 100, height: 80 },
  startEvent: { width: 36, height: 36 },
  endEvent: { width: 36, height: 36 },
  intermediateThrowEvent: { width: 36, height: 36 },
  intermediateCatchEvent: { width: 36, height: 36 },
  exclusiveGateway: { width: 50, height: 50 },
};

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where everything goes: pools stacked top to bottom, lanes within them, nodes by column and row. */
export interface BpmnLayout {
  poolWidth: number;
  laneTops: Map<Pool, { top: number; height: number }[]>;
  /** By participant id: expanded and collapsed pools. */
  poolBounds: Map<string, { y: number; height: number }>;
  /** By flow node id. */
  bounds: Map<string, Bounds>;
}

export function layoutBpmn(graph: BpmnGraph, withLanes: boolean): BpmnLayout {
  const columns = Math.max(graph.columns, 1);
  const contentX = POOL_X + POOL_LABEL + (withLanes ? LANE_LABEL : 0) + 20;
  const poolWidth = contentX - POOL_X + columns * COLUMN_WIDTH + 20;
  const centreX = (n: FlowNode) => contentX + n.column * COLUMN_WIDTH + COLUMN_WIDTH / 2 - 20;
  const laneTops = new Map<Pool, { top: number; height: number }[]>();
  const poolBounds = new Map<string, { y: number; height: number }>();
  let y = 40;
  for (const pool of graph.pools) {
    const laneCount = Math.max(pool.lanes.length, 1);
    const lanes: { top: number; height: number }[] = [];
    let top = y;
    for (let lane = 0; lane < laneCount; lane += 1) {
      const rows = Math.max(1, ...pool.nodes.filter((n) => n.lane === lane).map((n) => n.row + 1));
      lanes.push({ top, height: rows * ROW_HEIGHT });
      top += rows * ROW_HEIGHT;
    }
    laneTops.set(pool, lanes);
    poolBounds.set(pool.participantId, { y, height: top - y });
    y = top + POOL_GAP;
  }
  for (const participant of graph.collapsed.values()) {
    poolBounds.set(participant, { y, height: COLLAPSED_HEIGHT });
    y += COLLAPSED_HEIGHT + POOL_GAP;
  }
  const bounds = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const pool of graph.pools) {
    const lanes = laneTops.get(pool)!;
    for (const n of pool.nodes) {
      const size = SIZE[n.type];
      const lane = lanes[n.lane]!;
      const cy = lane.top + n.row * ROW_HEIGHT + ROW_HEIGHT / 2;
      bounds.set(n.id, {
        x: centreX(n) - size.width / 2,
        y: cy - size.height / 2,
        width: size.width,
        height: size.height,
      });
    }
  }
  return { poolWidth, laneTops, poolBounds, bounds };
}
