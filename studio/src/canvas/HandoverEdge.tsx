import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { CALL_TYPE_LABELS } from '../core/usm';
import { PROCESS_COLOURS } from './colours';
import { useEditorStore } from './editor-context';
import { SPAWN_COLOUR, type HandoverFlowEdge } from './flow-elements';

/**
 * A hand-over drawn along the route the layout computed: out of the activity, along the gap beside its
 * column, along its own lane, into the target process. Forks are solid in the target's colour, spawns
 * dashed and grey; the label names the call type.
 */
function HandoverEdgeView({ id, sourceX, sourceY, data, selected, markerEnd }: EdgeProps<HandoverFlowEdge>) {
  const store = useEditorStore();
  if (!data) return null;
  const { route, kind, callType, targetKey, onPath, dimmed } = data;
  const colour = kind === 'FORK' ? PROCESS_COLOURS[targetKey].strong : SPAWN_COLOUR;
  const points = [
    [sourceX, sourceY],
    [route.exitX, sourceY],
    [route.exitX, route.laneY],
    [route.entryX, route.laneY],
    [route.entryX, route.entryY],
  ] as const;
  const path = roundedPath(points, 8);
  const className = [
    'handover',
    kind === 'SPAWN' && 'handover--spawn',
    onPath && 'is-on-path',
    dimmed && 'is-dimmed',
  ]
    .filter(Boolean)
    .join(' ');
  const strokeWidth = selected || onPath ? 3 : 1.75;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={14}
        className={className}
        // A spawn's dashes are drawn by its straight pieces below; this path keeps the arrow and the hit area.
        style={{ stroke: kind === 'SPAWN' ? 'transparent' : colour, strokeWidth }}
      />
      {kind === 'SPAWN' && (
        <g className={`handover__dashes ${className}`}>
          {dashedPieces(points, 8).map((piece, index) => (
            <path
              key={index}
              className="react-flow__edge-path"
              d={piece}
              style={{ stroke: colour, strokeWidth, strokeDasharray: '6 5' }}
            />
          ))}
        </g>
      )}
      <EdgeLabelRenderer>
        <button
          type="button"
          tabIndex={-1}
          className={`edge-label nodrag nopan${selected ? ' is-selected' : ''}${kind === 'SPAWN' ? ' is-spawn' : ''}${dimmed ? ' is-dimmed' : ''}`}
          style={{
            transform: `translate(-50%, -50%) translate(${route.labelX}px, ${route.labelY}px)`,
            color: colour,
            borderColor: colour,
          }}
          onClick={() => store.getState().select([id])}
        >
          {CALL_TYPE_LABELS[callType]}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const HandoverEdge = memo(HandoverEdgeView);

/**
 * A dashed polyline as separate pieces: each straight run a path of its own (one line), the rounded
 * corners together in one. The renderer (Skia) only skips the dashes outside the area being painted for a
 * path that is a single line; a whole route's dashes (thousands on a large architecture, where a spawn's
 * lane runs below every container) would otherwise be generated for every tile it crosses, on every frame.
 */
export function dashedPieces(points: readonly (readonly [number, number])[], radius: number): string[] {
  const clean = points.filter(
    (point, index) => index === 0 || point[0] !== points[index - 1]![0] || point[1] !== points[index - 1]![1],
  );
  if (clean.length < 2) return [];
  const lines: string[] = [];
  let corners = '';
  let [startX, startY] = clean[0]!;
  for (let i = 1; i < clean.length - 1; i++) {
    const [px, py] = clean[i - 1]!;
    const [x, y] = clean[i]!;
    const [nx, ny] = clean[i + 1]!;
    const r = Math.min(radius, Math.hypot(x - px, y - py) / 2, Math.hypot(nx - x, ny - y) / 2);
    const inX = x - Math.sign(x - px) * r;
    const inY = y - Math.sign(y - py) * r;
    const outX = x + Math.sign(nx - x) * r;
    const outY = y + Math.sign(ny - y) * r;
    lines.push(`M ${startX} ${startY} L ${inX} ${inY}`);
    corners += `M ${inX} ${inY} Q ${x} ${y} ${outX} ${outY}`;
    [startX, startY] = [outX, outY];
  }
  const last = clean[clean.length - 1]!;
  lines.push(`M ${startX} ${startY} L ${last[0]} ${last[1]}`);
  return corners ? [...lines, corners] : lines;
}

/** An orthogonal polyline with rounded corners (degenerate segments dropped). */
export function roundedPath(points: readonly (readonly [number, number])[], radius: number): string {
  const clean = points.filter(
    (point, index) => index === 0 || point[0] !== points[index - 1]![0] || point[1] !== points[index - 1]![1],
  );
  if (clean.length < 2) return '';
  let path = `M ${clean[0]![0]} ${clean[0]![1]}`;
  for (let i = 1; i < clean.length - 1; i++) {
    const [px, py] = clean[i - 1]!;
    const [x, y] = clean[i]!;
    const [nx, ny] = clean[i + 1]!;
    const before = Math.min(radius, Math.hypot(x - px, y - py) / 2);
    const after = Math.min(radius, Math.hypot(nx - x, ny - y) / 2);
    const r = Math.min(before, after);
    const inX = x - Math.sign(x - px) * r;
    const inY = y - Math.sign(y - py) * r;
    const outX = x + Math.sign(nx - x) * r;
    const outY = y + Math.sign(ny - y) * r;
    path += ` L ${inX} ${inY} Q ${x} ${y} ${outX} ${outY}`;
  }
  const last = clean[clean.length - 1]!;
  return `${path} L ${last[0]} ${last[1]}`;
}
