import { describe, expect, it } from 'vitest';
import { layoutArchitecture } from '../core/layout';
import { handoversFrom } from '../core/model';
import { serverModel } from '../core/testing/editor';
import { referenceLikeGateway } from '../core/testing/fake-gateway';
import { PROCESS_COLOURS } from './colours';
import {
  buildEdges,
  buildNodes,
  DRAFT_NODE_ID,
  SPAWN_COLOUR,
  type FlowCache,
  type FlowInput,
} from './flow-elements';

async function input(overrides: Partial<FlowInput> = {}): Promise<FlowInput> {
  const model = await serverModel(referenceLikeGateway());
  return {
    model,
    layout: layoutArchitecture(model),
    selection: new Set(),
    editingId: null,
    drag: null,
    editable: true,
    ...overrides,
  };
}

describe('React Flow nodes from the editor state', () => {
  it('moves only the dragged node on each drag move, keeping every other node object', async () => {
    const flow = await input();
    const cache: FlowCache = new Map();
    const before = buildNodes(flow, cache);
    const activity = before.find((node) => node.type === 'activity')!;
    const first = buildNodes({ ...flow, drag: { activityId: activity.id, y: 123 } }, cache);
    const second = buildNodes({ ...flow, drag: { activityId: activity.id, y: 140 } }, cache);
    const moved = second.find((node) => node.id === activity.id)!;
    expect(moved.position).toEqual({ x: 14, y: 140 });
    expect(moved.zIndex).toBe(10);
    second.forEach((node, index) => {
      if (node.id !== activity.id) expect(node).toBe(first[index]);
    });
    // Dropped (and not moved): the node before the drag comes back.
    expect(buildNodes(flow, cache).find((node) => node.id === activity.id)).toBe(activity);
  });

  it('lists every process before the activities it contains, with the layout’s sizes', async () => {
    const flow = await input();
    const nodes = buildNodes(flow);
    const index = new Map(nodes.map((node, at) => [node.id, at]));
    expect(nodes.filter((node) => node.type === 'process')).toHaveLength(5);
    for (const node of nodes.filter((candidate) => candidate.type === 'activity')) {
      expect(index.get(node.parentId!)).toBeLessThan(index.get(node.id)!);
      expect(node.extent).toBe('parent');
      expect({ ...node.position, width: node.width, height: node.height }).toEqual(
        flow.layout.activities[node.id],
      );
    }
  });

  it('marks the selection, keeps the dragged activity under the pointer and adds the draft row', async () => {
    const base = await input();
    const [first] = base.model.processes[base.model.processIdByKey.CHANGE]!.activityIds;
    const model = base.model;
    const layout = layoutArchitecture(model, {
      draft: { processId: model.processIdByKey.AGREE, position: 1 },
    });
    const nodes = buildNodes({
      ...base,
      layout,
      selection: new Set([first!]),
      drag: { activityId: first!, y: 333 },
    });
    const dragged = nodes.find((node) => node.id === first)!;
    expect(dragged.selected).toBe(true);
    expect(dragged.position.y).toBe(333);
    expect(nodes.find((node) => node.id === DRAFT_NODE_ID)).toMatchObject({
      type: 'draft',
      parentId: model.processIdByKey.AGREE,
      selectable: false,
    });
  });

  it('marks the activity a walkthrough stands at, and its process, as current', async () => {
    const base = await input();
    const [first] = base.model.processes[base.model.processIdByKey.CHANGE]!.activityIds;
    const nodes = buildNodes({ ...base, currentActivityId: first! });
    const current = nodes.filter((node) => node.data.current);
    expect(current.map((node) => node.id).sort()).toEqual([first!, base.model.processIdByKey.CHANGE].sort());
    expect(buildNodes(base).some((node) => node.data.current)).toBe(false);
  });

  it('locks editing for readers', async () => {
    const nodes = buildNodes(await input({ editable: false }));
    expect(nodes.every((node) => node.connectable === false)).toBe(true);
    expect(nodes.filter((node) => node.type === 'activity').every((node) => node.draggable === false)).toBe(
      true,
    );
  });

  it('reuses node data while its content is unchanged, so memoised nodes do not re-render', async () => {
    const flow = await input();
    const cache: FlowCache = new Map();
    const before = buildNodes(flow, cache);
    const id = before.find((node) => node.type === 'activity')!.id;
    const after = buildNodes({ ...flow, selection: new Set([id]) }, cache);
    expect(after.map((node) => node.data)).toEqual(before.map((node) => node.data));
    after.forEach((node, index) => expect(node.data).toBe(before[index]!.data));
    // Only the node whose selection changed is a new object; React Flow keeps the others as they are.
    expect(after.filter((node, index) => node !== before[index]).map((node) => node.id)).toEqual([id]);
    const editing = buildNodes({ ...flow, editingId: id }, cache);
    expect(editing.find((node) => node.id === id)!.data).not.toBe(
      before.find((node) => node.id === id)!.data,
    );
  });
});

describe('React Flow nodes under the overview', () => {
  it('hides every activity node (the overview draws them) but one being renamed, and keeps the processes', async () => {
    const flow = await input();
    const renamed = flow.model.processes[flow.model.processIds[0]!]!.activityIds[0]!;
    const nodes = buildNodes({ ...flow, overview: true, editingId: renamed });
    for (const node of nodes) {
      if (node.type === 'activity') expect(node.hidden).toBe(node.id === renamed ? undefined : true);
      else expect(node.hidden).toBeUndefined();
    }
    expect(buildNodes(flow).some((node) => node.hidden)).toBe(false);
  });

  it('hides every hand-over edge (the overview draws them)', async () => {
    const flow = await input();
    expect(buildEdges({ ...flow, overview: true }).every((edge) => edge.hidden)).toBe(true);
    expect(buildEdges(flow).some((edge) => edge.hidden)).toBe(false);
  });
});

describe('React Flow edges from the editor state', () => {
  it('draws each hand-over from its activity to its target process, entering on the routed side', async () => {
    const flow = await input();
    const edges = buildEdges(flow);
    expect(edges).toHaveLength(Object.keys(flow.model.handovers).length);
    const deploy = flow.model.processes[flow.model.processIdByKey.CHANGE]!.activityIds[2]!;
    const [fork] = handoversFrom(flow.model, deploy);
    expect(edges.find((edge) => edge.id === fork!.id)).toMatchObject({
      source: deploy,
      sourceHandle: 'out',
      target: flow.model.processIdByKey.OPERATE,
      targetHandle: 'in-top',
      markerEnd: { color: PROCESS_COLOURS.OPERATE.strong },
      data: { kind: 'FORK', callType: 'SERVICE_REQUEST' },
    });
    const spawn = edges.find((edge) => edge.data!.kind === 'SPAWN')!;
    expect(spawn).toMatchObject({ targetHandle: 'in-bottom', markerEnd: { color: SPAWN_COLOUR } });
  });

  it('leaves out the hand-overs the layout did not route (spawns hidden)', async () => {
    const flow = await input();
    const edges = buildEdges({ ...flow, layout: layoutArchitecture(flow.model, { includeSpawns: false }) });
    expect(edges.every((edge) => edge.data!.kind === 'FORK')).toBe(true);
  });
});
