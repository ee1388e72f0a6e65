import { useReactFlow, ViewportPortal } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LAYOUT, positionAt, type ArchitectureLayout } from '../core/layout';
import type { ArchitectureModel } from '../core/model';
import { PROCESS_COLOURS } from './colours';
import { useEditor, useEditorStore } from './editor-context';
import { SPAWN_COLOUR } from './flow-elements';
import { activityAtPoint, handoverGroups, processRows, type OverviewMarks } from './overview';

/** A press that moves less than this (screen pixels) is a click, not a drag. */
const CLICK_DISTANCE = 3;

interface Press {
  pointerId: number;
  activityId: string;
  processId: string;
  /** Where in the row it was grabbed (flow units from its top). */
  grabY: number;
  clientX: number;
  clientY: number;
  moved: boolean;
  /** The row's top now, relative to its process (as React Flow gives a child node's position). */
  y: number;
  /** Where it would land now (1-based). */
  position: number;
}

/**
 * The zoomed-out architecture at scale (level-of-detail.ts): each process's activity rows as one path and
 * the hand-overs as a few, drawn in the flow's coordinates over the process containers. React Flow keeps
 * the activities as hidden nodes meanwhile. A row can still be clicked (selects the activity) and, for
 * editors, dragged to another place: a copy of the row follows the pointer and a line marks where it would
 * land, both moved on their own compositing layers without a trip through the store or React (the rows
 * are not redrawn while dragging). The drop is one MoveActivity command, as on the detailed canvas.
 */
export function OverviewLayer({ editable }: { editable: boolean }) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const { model, layout, selection, highlight, current } = useEditor(
    useShallow((state) => ({
      model: state.model,
      layout: state.layout,
      selection: state.selection,
      highlight: state.pathHighlight,
      current: state.currentActivityId,
    })),
  );
  const marks = useMemo<OverviewMarks>(
    () => ({ selection: new Set(selection), highlight, currentActivityId: current }),
    [selection, highlight, current],
  );
  const press = useRef<Press | null>(null);
  const ghost = useRef<HTMLDivElement>(null);
  const marker = useRef<HTMLDivElement>(null);
  // A drop ends with a new layout (saved, refused or put back): the copy and the marker go then.
  useEffect(() => {
    for (const element of [ghost.current, marker.current]) if (element) element.style.display = 'none';
  }, [layout]);

  if (!model || !layout) return null;

  const onPointerDown = (processId: string, event: ReactPointerEvent<SVGPathElement>) => {
    if (event.button !== 0) return;
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const activityId = activityAtPoint(model, layout, processId, point.x, point.y);
    const box = activityId ? layout.activities[activityId] : undefined;
    const parent = layout.processes[processId];
    if (!activityId || !box || !parent) return;
    press.current = {
      pointerId: event.pointerId,
      activityId,
      processId,
      grabY: point.y - parent.y - box.y,
      clientX: event.clientX,
      clientY: event.clientY,
      moved: false,
      y: box.y,
      position: model.activities[activityId]!.position,
    };
    if (editable) {
      event.stopPropagation();
      event.currentTarget.setPointerCapture(event.pointerId);
    }
  };

  const onPointerMove = (event: ReactPointerEvent<SVGPathElement>) => {
    const current = press.current;
    if (!editable || !current || current.pointerId !== event.pointerId) return;
    if (
      !current.moved &&
      Math.hypot(event.clientX - current.clientX, event.clientY - current.clientY) < CLICK_DISTANCE
    )
      return;
    current.moved = true;
    const parent = layout.processes[current.processId]!;
    const box = layout.activities[current.activityId]!;
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const count = model.processes[current.processId]!.activityIds.length;
    // Within its process, as the detailed canvas keeps a dragged row (extent: parent).
    const lowest = parent.height - box.height;
    current.y = Math.min(Math.max(point.y - parent.y - current.grabY, 0), lowest);
    const colour = PROCESS_COLOURS[model.processes[current.processId]!.key].strong;
    const copy = ghost.current;
    if (copy) {
      copy.style.cssText = `display: block; width: ${box.width}px; height: ${box.height}px; background: ${colour}; transform: translate(${parent.x + box.x}px, ${parent.y + current.y}px)`;
    }
    const position = Math.min(positionAt(model, current.processId, current.y), count);
    if (position !== current.position) {
      current.position = position;
      const line = marker.current;
      const from = model.activities[current.activityId]!.position;
      const at = layout.activities[model.processes[current.processId]!.activityIds[position - 1]!];
      if (line && at && position !== from) {
        // Above the row it takes the place of when moving up, below it when moving down.
        const y = position < from ? at.y - LAYOUT.activityGap / 2 : at.y + at.height + LAYOUT.activityGap / 2;
        const thickness = 3 / flow.getZoom();
        line.style.cssText = `display: block; width: ${at.width}px; height: ${thickness}px; background: ${colour}; transform: translate(${parent.x + at.x}px, ${parent.y + y - thickness / 2}px)`;
      } else if (line) line.style.display = 'none';
    }
  };

  const onPointerUp = (event: ReactPointerEvent<SVGPathElement>) => {
    const current = press.current;
    if (!current || current.pointerId !== event.pointerId) return;
    press.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    const state = store.getState();
    const distance = Math.hypot(event.clientX - current.clientX, event.clientY - current.clientY);
    if (!current.moved) {
      // Read-only, a press that moved panned the view: only a click selects.
      if (distance >= CLICK_DISTANCE) return;
      if (event.shiftKey || event.metaKey || event.ctrlKey)
        state.changeSelection([
          { id: current.activityId, selected: !state.selection.includes(current.activityId) },
        ]);
      else state.select([current.activityId]);
      // The canvas's shortcuts (Delete, N, Alt+arrows, F2) act on the selection once it has the focus.
      event.currentTarget.closest<HTMLElement>('.canvas')?.focus({ preventScroll: true });
      return;
    }
    // The copy stays where it was dropped until the command's new layout replaces this one.
    marker.current?.style.setProperty('display', 'none');
    void state.dropActivity(current.activityId, current.y);
  };

  const onPointerCancel = () => {
    press.current = null;
    for (const element of [ghost.current, marker.current]) if (element) element.style.display = 'none';
  };

  return (
    <ViewportPortal>
      <svg className="overview" width="1" height="1" aria-hidden="true" data-testid="canvas-overview">
        <OverviewHandovers model={model} layout={layout} marks={marks} />
        {model.processIds.map((processId) => (
          <OverviewRows
            key={processId}
            model={model}
            layout={layout}
            processId={processId}
            marks={marks}
            editable={editable}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerCancel}
          />
        ))}
      </svg>
      <div ref={ghost} className="overview__ghost" style={{ display: 'none' }} />
      <div ref={marker} className="overview__marker" style={{ display: 'none' }} />
    </ViewportPortal>
  );
}

interface RowsProps {
  model: ArchitectureModel;
  layout: ArchitectureLayout;
  processId: string;
  marks: OverviewMarks;
  editable: boolean;
  onPointerDown: (processId: string, event: ReactPointerEvent<SVGPathElement>) => void;
  onPointerMove: (event: ReactPointerEvent<SVGPathElement>) => void;
  onPointerUp: (event: ReactPointerEvent<SVGPathElement>) => void;
  onPointerCancel: () => void;
}

/** One process's rows: redrawn only when the layout or the marks change. */
const OverviewRows = memo(function OverviewRows({
  model,
  layout,
  processId,
  marks,
  editable,
  onPointerDown,
  onPointerMove,
  onPointerUp,
  onPointerCancel,
}: RowsProps) {
  const rows = useMemo(() => processRows(model, layout, processId, marks), [model, layout, processId, marks]);
  const colours = PROCESS_COLOURS[rows.processKey];
  const handlers = {
    onPointerDown: (event: ReactPointerEvent<SVGPathElement>) => onPointerDown(processId, event),
    onPointerMove,
    onPointerUp,
    onPointerCancel,
  };
  // Editors drag rows (so a press on a row does not pan); others pan across them and click to select.
  const className = `overview__rows${editable ? ' nopan nodrag' : ''}`;
  return (
    <g data-process-id={processId} data-rows={rows.count}>
      {rows.rows && (
        <path className={className} d={rows.rows} style={{ fill: colours.border }} {...handlers} />
      )}
      {rows.dimmed && (
        <path
          className={`${className} is-dimmed`}
          d={rows.dimmed}
          style={{ fill: colours.border }}
          {...handlers}
        />
      )}
      {rows.marked && <path className="overview__marks" d={rows.marked} style={{ stroke: colours.strong }} />}
    </g>
  );
});

/** The hand-overs in a few paths (forks in their target's colour, spawns dashed and grey). */
const OverviewHandovers = memo(function OverviewHandovers({
  model,
  layout,
  marks,
}: {
  model: ArchitectureModel;
  layout: ArchitectureLayout;
  marks: OverviewMarks;
}) {
  const groups = useMemo(
    () => handoverGroups(model, layout, marks.highlight),
    [model, layout, marks.highlight],
  );
  return (
    <g className="overview__handovers">
      {groups.map((group) => (
        <g
          key={group.key}
          className={[
            'overview__handover',
            group.kind === 'SPAWN' && 'is-spawn',
            group.onPath && 'is-on-path',
            group.dimmed && 'is-dimmed',
          ]
            .filter(Boolean)
            .join(' ')}
          style={{ stroke: group.kind === 'FORK' ? PROCESS_COLOURS[group.targetKey].strong : SPAWN_COLOUR }}
        >
          {group.paths.map((path, index) => (
            <path key={index} d={path} />
          ))}
        </g>
      ))}
    </g>
  );
});
