import { describe, expect, it } from 'vitest';
import { ARRANGEMENT, layoutArchitecture, LAYOUT, positionAt, type Box } from './layout';
import { modelFromOrganisation, type ArchitectureModel } from './model';
import { serverModel } from './testing/editor';
import { FakeGateway, referenceLikeGateway } from './testing/fake-gateway';
import { PROCESS_KEYS } from './usm';

async function referenceModel(): Promise<ArchitectureModel> {
  return serverModel(referenceLikeGateway());
}

/** The same model with every record's keys in reverse order. */
function reversed(model: ArchitectureModel): ArchitectureModel {
  const flip = <T>(record: Readonly<Record<string, T>>) =>
    Object.fromEntries(Object.entries(record).reverse());
  return {
    ...model,
    processes: flip(model.processes),
    activities: flip(model.activities),
    handovers: flip(model.handovers),
  };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the USM layout', () => {
  it('is deterministic: the same model gives the same layout, whatever the order of its records', async () => {
    const model = await referenceModel();
    const first = layoutArchitecture(model);
    expect(layoutArchitecture(model)).toEqual(first);
    expect(layoutArchitecture(reversed(model))).toEqual(first);
  });

  it('places the processes in their fixed columns, without overlaps', async () => {
    const model = await referenceModel();
    const layout = layoutArchitecture(model);
    const box = (key: (typeof PROCESS_KEYS)[number]) => layout.processes[model.processIdByKey[key]]!;
    ARRANGEMENT.forEach((keys, column) => {
      for (const key of keys) expect(box(key).x).toBe(column * (box('IMPROVE').width + LAYOUT.columnGap));
    });
    expect(new Set(PROCESS_KEYS.map((key) => box(key).y))).toEqual(new Set([0]));
    const boxes = Object.values(layout.processes);
    for (const a of boxes) for (const b of boxes) if (a !== b) expect(overlaps(a, b)).toBe(false);
  });

  it('stacks activities in position order inside their container', async () => {
    const model = await referenceModel();
    const layout = layoutArchitecture(model);
    for (const processId of model.processIds) {
      const container = layout.processes[processId]!;
      const boxes = model.processes[processId]!.activityIds.map((id) => layout.activities[id]!);
      const ys = boxes.map((box) => box.y);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
      expect(new Set(ys).size).toBe(ys.length);
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(container.width);
        expect(box.y + box.height).toBeLessThanOrEqual(container.height);
      }
      for (let i = 1; i < boxes.length; i++) expect(overlaps(boxes[i - 1]!, boxes[i]!)).toBe(false);
    }
  });

  it('routes forks above and spawns below all containers, each on its own lane, entering their target', async () => {
    const model = await referenceModel();
    const layout = layoutArchitecture(model);
    const top = Math.min(...Object.values(layout.processes).map((box) => box.y));
    const bottom = Math.max(...Object.values(layout.processes).map((box) => box.y + box.height));
    const lanes = new Set<number>();
    for (const handover of Object.values(model.handovers)) {
      const route = layout.routes[handover.id]!;
      const target = layout.processes[handover.targetProcessId]!;
      expect(route.side).toBe(handover.kind === 'FORK' ? 'top' : 'bottom');
      if (route.side === 'top') expect(route.laneY).toBeLessThan(top);
      else expect(route.laneY).toBeGreaterThan(bottom);
      expect(route.entryX).toBeGreaterThan(target.x);
      expect(route.entryX).toBeLessThan(target.x + target.width);
      expect(route.entryY).toBe(route.side === 'top' ? target.y : target.y + target.height);
      // the vertical run beside the source column passes through no container
      for (const box of Object.values(layout.processes)) {
        expect(route.exitX > box.x && route.exitX < box.x + box.width).toBe(false);
      }
      lanes.add(route.laneY);
    }
    expect(lanes.size).toBe(Object.keys(model.handovers).length);
  });

  it('stacks the processes of a column, and enters a target from the side its neighbour leaves free', async () => {
    const model = await referenceModel();
    const arrangement = [['IMPROVE'], ['AGREE', 'RECOVER'], ['CHANGE'], ['OPERATE']] as const;
    const layout = layoutArchitecture(model, { arrangement });
    const agree = layout.processes[model.processIdByKey.AGREE]!;
    const recover = layout.processes[model.processIdByKey.RECOVER]!;
    expect(recover.x).toBe(agree.x);
    expect(recover.y).toBeGreaterThan(agree.y + agree.height);
    // Operate's monitoring spawns an incident into Recover: from below, as spawns do.
    const incident = Object.values(model.handovers).find((handover) => handover.callType === 'INCIDENT')!;
    expect(layout.routes[incident.id]!.side).toBe('bottom');
    // A spawn into Agree cannot come from below (Recover is there): it enters from the top.
    const withSpawn = {
      ...model,
      handovers: {
        ...model.handovers,
        extra: {
          ...incident,
          id: 'extra',
          callType: 'WISH' as const,
          targetKey: 'AGREE' as const,
          targetProcessId: model.processIdByKey.AGREE,
        },
      },
    };
    expect(layoutArchitecture(withSpawn, { arrangement }).routes.extra!.side).toBe('top');
  });

  it('lays a dragged activity’s process out as if it had moved already', async () => {
    const model = await referenceModel();
    const ids = model.processes[model.processIdByKey.CHANGE]!.activityIds;
    const plain = layoutArchitecture(model);
    const moving = layoutArchitecture(model, { move: { activityId: ids[0]!, position: 3 } });
    expect(moving.activities[ids[1]!]).toEqual(plain.activities[ids[0]!]);
    expect(moving.activities[ids[2]!]).toEqual(plain.activities[ids[1]!]);
    expect(moving.activities[ids[0]!]).toEqual(plain.activities[ids[2]!]);
    expect(moving.activities[ids[3]!]).toEqual(plain.activities[ids[3]!]);
  });

  it('can leave spawns out', async () => {
    const model = await referenceModel();
    const layout = layoutArchitecture(model, { includeSpawns: false });
    expect(Object.keys(layout.routes)).toHaveLength(5);
  });

  it('frees a row for a draft and shifts the activities below it', async () => {
    const model = await referenceModel();
    const change = model.processIdByKey.CHANGE;
    const plain = layoutArchitecture(model);
    const drafted = layoutArchitecture(model, { draft: { processId: change, position: 2 } });
    const [first, second] = model.processes[change]!.activityIds;
    expect(drafted.activities[first!]).toEqual(plain.activities[first!]);
    expect(drafted.draft!.box).toEqual(plain.activities[second!]);
    expect(drafted.activities[second!]!.y).toBeGreaterThan(plain.activities[second!]!.y);
    expect(drafted.processes[change]!.height).toBeGreaterThan(plain.processes[change]!.height);
  });

  it('gives an empty process a container of its own', async () => {
    const model = await serverModel(new FakeGateway());
    const layout = layoutArchitecture(model);
    expect(Object.keys(layout.processes)).toHaveLength(5);
    expect(Object.values(layout.processes).every((box) => box.height > LAYOUT.headerHeight)).toBe(true);
  });

  it('answers the place an activity dropped at a height takes', async () => {
    const model = await referenceModel();
    const layout = layoutArchitecture(model);
    const change = model.processIdByKey.CHANGE;
    const ids = model.processes[change]!.activityIds;
    ids.forEach((id, index) =>
      expect(positionAt(model, change, layout.activities[id]!.y + 5)).toBe(index + 1),
    );
    expect(positionAt(model, change, -500)).toBe(1);
    expect(positionAt(model, change, 5000)).toBe(ids.length);
  });

  it('lays out a large model quickly', async () => {
    const names = Object.fromEntries(
      PROCESS_KEYS.map((key) => [key, Array.from({ length: 400 }, (_, i) => `${key} step ${i + 1}`)]),
    );
    const gateway = new FakeGateway(names);
    const model = modelFromOrganisation((await gateway.loadOrganisation(gateway.organisationId))!);
    const started = performance.now();
    layoutArchitecture(model);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
