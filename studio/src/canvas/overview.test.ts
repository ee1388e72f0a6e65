import { describe, expect, it } from 'vitest';
import { LAYOUT, layoutArchitecture, positionAt } from '../core/layout';
import type { ArchitectureModel } from '../core/model';
import { serverModel } from '../core/testing/editor';
import { referenceLikeGateway } from '../core/testing/fake-gateway';
import { syntheticArchitecture } from '../core/testing/synthetic-architecture';
import type { PathHighlight } from '../core/workflow-path';
import {
  activityAtPoint,
  handoverGroups,
  processRows,
  rectanglesPath,
  rowBoxes,
  type HandoverGroup,
} from './overview';

const noMarks = { selection: new Set<string>(), highlight: null, currentActivityId: null };

async function reference(): Promise<ArchitectureModel> {
  return serverModel(referenceLikeGateway());
}

/** The number of rectangles a path of rectanglesPath draws. */
const rectangles = (path: string) => path.split('M').length - 1;

/** The number of hand-overs a group draws: a polyline each for forks, four straight runs each for spawns. */
const handoversIn = (group: HandoverGroup) =>
  group.kind === 'SPAWN' ? group.paths.length / 4 : rectangles(group.paths.join(''));

describe('the overview of a large architecture', () => {
  it('draws every activity of a process as one rectangle of one path, where the layout puts it', async () => {
    const model = await reference();
    const layout = layoutArchitecture(model);
    const processId = model.processIds[0]!;
    const process = model.processes[processId]!;
    const rows = processRows(model, layout, processId, noMarks);
    expect(rows.count).toBe(process.activityIds.length);
    expect(rectangles(rows.rows)).toBe(process.activityIds.length);
    expect(rows.dimmed).toBe('');
    expect(rows.marked).toBe('');
    const first = layout.activities[process.activityIds[0]!]!;
    const parent = layout.processes[processId]!;
    expect(rows.rows.startsWith(`M${parent.x + first.x} ${parent.y + first.y}h${first.width}`)).toBe(true);
  });

  it('keeps a draft row free, as the layout does', async () => {
    const model = await reference();
    const processId = model.processIds[1]!;
    const layout = layoutArchitecture(model, { draft: { processId, position: 1 } });
    const boxes = rowBoxes(model, layout, processId);
    const parent = layout.processes[processId]!;
    expect(boxes[0]!.box.y - parent.y).toBe(LAYOUT.headerHeight + LAYOUT.activityHeight + LAYOUT.activityGap);
  });

  it('dims what a highlighted workflow does not visit and outlines what is selected, on the path or current', async () => {
    const model = await reference();
    const layout = layoutArchitecture(model);
    const processId = model.processIds[2]!;
    const [onPath, selected, current] = model.processes[processId]!.activityIds;
    const highlight: PathHighlight = {
      activityIds: new Set([onPath!]),
      processIds: new Set([processId]),
      handoverIds: new Set(),
      stepNumbers: new Map([[onPath!, [1]]]),
    };
    const rows = processRows(model, layout, processId, {
      selection: new Set([selected!]),
      highlight,
      currentActivityId: current!,
    });
    const count = model.processes[processId]!.activityIds.length;
    expect(rectangles(rows.rows)).toBe(1);
    expect(rectangles(rows.dimmed)).toBe(count - 1);
    expect(rectangles(rows.marked)).toBe(3);
    expect(rows.count).toBe(count);
  });

  it('groups the hand-overs by how they are drawn: a few paths for hundreds of hand-overs', async () => {
    const synthetic = syntheticArchitecture(2000);
    const model = await serverModel(synthetic.gateway);
    const layout = layoutArchitecture(model);
    const groups = handoverGroups(model, layout, null);
    const drawn = groups.reduce((sum, group) => sum + handoversIn(group), 0);
    expect(drawn).toBe(Object.keys(layout.routes).length);
    expect(groups.length).toBeLessThanOrEqual(10);
    for (const group of groups) {
      expect(group.onPath).toBe(false);
      expect(group.dimmed).toBe(false);
      if (group.kind === 'SPAWN') {
        // Dashed: each straight run a single line, so the renderer can skip the dashes out of view.
        for (const path of group.paths) expect(path).toMatch(/^M[\d.-]+ [\d.-]+L[\d.-]+ [\d.-]+$/);
      } else expect(group.paths).toHaveLength(1);
    }
  });

  it('follows each hand-over’s route from the right edge of its activity', async () => {
    const model = await reference();
    const layout = layoutArchitecture(model);
    const paths = handoverGroups(model, layout, null)
      .flatMap((group) => group.paths)
      .join('');
    for (const kind of ['FORK', 'SPAWN'] as const) {
      const handover = Object.values(model.handovers).find((candidate) => candidate.kind === kind)!;
      const route = layout.routes[handover.id]!;
      const from = model.activities[handover.fromActivityId]!;
      const parent = layout.processes[from.processId]!;
      const box = layout.activities[from.id]!;
      const x = parent.x + box.x + box.width;
      const y = parent.y + box.y + box.height / 2;
      expect(paths).toContain(
        kind === 'FORK'
          ? `M${x} ${y}H${route.exitX}V${route.laneY}H${route.entryX}V${route.entryY}`
          : `M${route.exitX} ${y}L${route.exitX} ${route.laneY}`,
      );
    }
  });

  it('separates the hand-overs on a highlighted path from the dimmed rest', async () => {
    const model = await reference();
    const layout = layoutArchitecture(model);
    const handoverId = Object.keys(layout.routes)[0]!;
    const highlight: PathHighlight = {
      activityIds: new Set(),
      processIds: new Set(),
      handoverIds: new Set([handoverId]),
      stepNumbers: new Map(),
    };
    const groups = handoverGroups(model, layout, highlight);
    expect(groups.filter((group) => group.onPath).map(handoversIn)).toEqual([1]);
    expect(groups.filter((group) => !group.onPath).every((group) => group.dimmed)).toBe(true);
  });

  it('finds the activity under a point, and none in the gap between two rows', async () => {
    const model = await reference();
    const processId = model.processIds[3]!;
    const layout = layoutArchitecture(model, { draft: { processId, position: 2 } });
    const parent = layout.processes[processId]!;
    for (const activityId of model.processes[processId]!.activityIds) {
      const box = layout.activities[activityId]!;
      const x = parent.x + box.x + box.width / 2;
      expect(activityAtPoint(model, layout, processId, x, parent.y + box.y + 1)).toBe(activityId);
      expect(activityAtPoint(model, layout, processId, x, parent.y + box.y + box.height - 1)).toBe(
        activityId,
      );
      expect(activityAtPoint(model, layout, processId, x, parent.y + box.y - LAYOUT.activityGap / 2)).toBe(
        null,
      );
    }
    const draft = layout.draft!.box;
    expect(activityAtPoint(model, layout, processId, parent.x + draft.x + 5, parent.y + draft.y + 5)).toBe(
      null,
    );
    expect(activityAtPoint(model, layout, processId, parent.x + 2, parent.y + LAYOUT.headerHeight + 5)).toBe(
      null,
    );
  });

  it('takes a dragged row’s top to the position the store drops it at', async () => {
    const model = await reference();
    const layout = layoutArchitecture(model);
    const processId = model.processIds[4]!;
    const ids = model.processes[processId]!.activityIds;
    // The row's top where the third row stands lands it third, as on the detailed canvas.
    expect(positionAt(model, processId, layout.activities[ids[2]!]!.y)).toBe(3);
    expect(rectanglesPath([{ x: 1, y: 2, width: 3, height: 4 }])).toBe('M1 2h3v4h-3z');
  });
});
