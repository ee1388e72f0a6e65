import { useStore } from '@xyflow/react';

/**
 * Level of detail. Below this zoom an activity's name is under 5 px high and unreadable anyway: the canvas
 * then draws activities as plain coloured rows (no text, no shadow), hides the hand-overs' labels and
 * the background grid (at 10 % its dots are 2.4 px apart: hundreds of thousands of them per frame). What is
 * selected, highlighted or current keeps its marks. Only a class on the canvas changes (styles.css), so
 * crossing the threshold re-renders no node.
 */
export const DETAIL_ZOOM = 0.4;

/** Whether the view is zoomed out below DETAIL_ZOOM; changes only when the threshold is crossed. */
export function useZoomedOut(): boolean {
  return useStore((state) => state.transform[2] < DETAIL_ZOOM);
}

/**
 * Above this many nodes the overview map is left out: React Flow's MiniMap subscribes once per node, so
 * every pan or drag frame runs thousands more selectors (measured in docs/benchmarks.md, "Studio").
 */
export const MINIMAP_NODE_LIMIT = 1000;

/**
 * From this many activities on, the zoomed-out canvas is drawn by the overview (OverviewLayer.tsx): one
 * path per process instead of one React Flow node per activity. Smaller architectures keep their nodes at
 * every zoom (each stays focusable and connectable).
 */
export const OVERVIEW_MIN_ACTIVITIES = 300;
