/**
 * Benchmark baseline: bare React Flow with plain default nodes and edges, the same nodes in the same
 * places (and the same hand-overs as edges) as the studio page for `?n=` activities, fitted the same way.
 * Built only by vite.bench.config.ts.
 */
import { ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node } from '@xyflow/react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { layoutArchitecture, type Box } from '../core/layout';
import { absoluteBoxes, requestedSize, syntheticModel } from './bench-info';

const n = requestedSize();
const { model, handovers } = await syntheticModel(n);
const layout = layoutArchitecture(model);
const boxes = absoluteBoxes(model, layout);
const nodes: Node[] = boxes.map((box) => ({
  id: box.id,
  position: { x: box.x, y: box.y },
  width: box.width,
  height: box.height,
  data: { label: box.activity ? model.activities[box.id]!.name : model.processes[box.id]!.name },
}));
const edges: Edge[] = Object.values(model.handovers).map((handover) => ({
  id: handover.id,
  source: handover.fromActivityId,
  target: handover.targetProcessId,
}));

function BareFlow({ bounds }: { bounds: Box }) {
  const flow = useReactFlow();
  return (
    <ReactFlow
      defaultNodes={nodes}
      defaultEdges={edges}
      minZoom={0.1}
      maxZoom={2}
      onInit={() => void flow.fitBounds(bounds, { padding: 0.06 })}
    />
  );
}

window.__bench = { page: 'bare', activities: n, handovers, boxes, onlyVisible: false };

createRoot(document.getElementById('root')!).render(
  <ReactFlowProvider>
    <div style={{ width: '100vw', height: '100vh' }}>
      <BareFlow bounds={layout.bounds} />
    </div>
  </ReactFlowProvider>,
);
