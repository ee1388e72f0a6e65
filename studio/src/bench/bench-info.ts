/**
 * What a benchmark page tells the benchmark suite (test/bench/suites/studio.ts) through `window.__bench`:
 * the absolute boxes of its nodes (to know which of them must be on screen) and, on the studio page, a
 * function that times the layout. Only the benchmark build (vite.bench.config.ts) contains these pages.
 */
import { layoutArchitecture, type ArchitectureLayout, type Box } from '../core/layout';
import { modelFromOrganisation, type ArchitectureModel } from '../core/model';
import { syntheticArchitecture } from '../core/testing/synthetic-architecture';

export interface BenchNodeBox extends Box {
  id: string;
  activity: boolean;
  /** The process the node is (or, for an activity, belongs to). */
  processId: string;
}

export interface BenchInfo {
  /** Which page this is. */
  page: 'studio' | 'bare';
  activities: number;
  handovers: number;
  /** Every node, absolute. */
  boxes: BenchNodeBox[];
  /**
   * The page renders only the nodes in view (React Flow's onlyRenderVisibleElements). Zoomed out, the
   * studio may draw a process's activities in its overview instead (`g[data-process-id][data-rows]`).
   */
  onlyVisible: boolean;
  /**
   * The studio page: an activity's position in its process now, so the suite can check that dragging
   * a row really reordered it (the drop's MoveActivity command ran).
   */
  activityPosition?: (activityId: string) => number | null;
  /** Times layoutArchitecture on a model of n activities, `runs` times (milliseconds each). */
  timeLayout?: (n: number, runs: number) => Promise<number[]>;
}

declare global {
  interface Window {
    __bench?: BenchInfo;
  }
}

/** The size the page was asked for: `?n=2000` (default 2,000 activities). */
export function requestedSize(): number {
  const n = Number(new URLSearchParams(window.location.search).get('n') ?? 2000);
  return Number.isInteger(n) && n > 0 && n <= 20_000 ? n : 2000;
}

export async function syntheticModel(n: number): Promise<{ model: ArchitectureModel; handovers: number }> {
  const synthetic = syntheticArchitecture(n);
  const organisation = await synthetic.gateway.loadOrganisation(synthetic.gateway.organisationId);
  return { model: modelFromOrganisation(organisation!), handovers: synthetic.handovers };
}

export function absoluteBoxes(model: ArchitectureModel, layout: ArchitectureLayout): BenchNodeBox[] {
  const boxes: BenchNodeBox[] = [];
  for (const processId of model.processIds) {
    const parent = layout.processes[processId];
    if (!parent) continue;
    boxes.push({ id: processId, activity: false, processId, ...parent });
    for (const activityId of model.processes[processId]!.activityIds) {
      const box = layout.activities[activityId];
      if (box)
        boxes.push({
          id: activityId,
          activity: true,
          processId,
          ...box,
          x: parent.x + box.x,
          y: parent.y + box.y,
        });
    }
  }
  return boxes;
}

export async function timeLayout(n: number, runs: number): Promise<number[]> {
  const { model } = await syntheticModel(n);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    layoutArchitecture(model);
    times.push(performance.now() - start);
  }
  return times;
}
