import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { mayConnect } from '../core/rules';
import { ActivityNode } from './ActivityNode';
import { PROCESS_COLOURS } from './colours';
import { DraftNode } from './DraftNode';
import { useEditor, useEditorStore } from './editor-context';
import {
  buildEdges,
  buildNodes,
  type FlowCache,
  type HandoverFlowEdge,
  type StudioNode,
} from './flow-elements';
import { focusNode, isTyping } from './focus';
import { HandoverEdge } from './HandoverEdge';
import { ProcessNode } from './ProcessNode';
import { useViewport } from './viewport';
import { MINIMAP_NODE_LIMIT, OVERVIEW_MIN_ACTIVITIES, useZoomedOut } from './level-of-detail';
import { OverviewLayer } from './OverviewLayer';
import './canvas.css';

const nodeTypes = { process: ProcessNode, activity: ActivityNode, draft: DraftNode };
const edgeTypes = { handover: HandoverEdge };

/**
 * The architecture canvas: React Flow, controlled. It shows what the store holds and turns its change
 * events into store actions — selection changes into `changeSelection`, the end of a drag into one
 * MoveActivity command, a connection into AddHandover — so the canvas never owns state of its own.
 * `readOnly` (walkthroughs): nothing can be dragged, connected, renamed, added or deleted, whatever the
 * user's role; panning, zooming and selecting still work.
 */
export function ArchitectureCanvas({ readOnly = false }: { readOnly?: boolean } = {}) {
  const store = useEditorStore();
  const {
    model,
    layout,
    selection,
    editingId,
    drag,
    processDrag,
    editable: mayEdit,
    highlight,
    current,
  } = useEditor(
    useShallow((state) => ({
      model: state.model,
      layout: state.layout,
      selection: state.selection,
      editingId: state.editingId,
      drag: state.drag,
      processDrag: state.processDrag,
      editable: state.editable,
      highlight: state.pathHighlight,
      current: state.currentActivityId,
    })),
  );
  const editable = mayEdit && !readOnly;
  const { fitArchitecture } = useViewport();
  const zoomedOut = useZoomedOut();
  const activityCount = model ? Object.keys(model.activities).length : 0;
  // Until the first fit React Flow stands at zoom 1 and, never having measured them, would mount every
  // node: a large architecture stays in the overview until then.
  const [fitted, setFitted] = useState(false);
  const overview = activityCount >= OVERVIEW_MIN_ACTIVITIES && (zoomedOut || !fitted);
  const nodeCache = useRef<FlowCache>(new Map());
  const edgeCache = useRef<FlowCache>(new Map());
  const selected = useMemo(() => new Set(selection), [selection]);

  const nodes = useMemo(
    () =>
      model && layout
        ? buildNodes(
            {
              model,
              layout,
              selection: selected,
              editingId,
              drag,
              processDrag,
              editable,
              highlight,
              currentActivityId: current,
              overview,
            },
            nodeCache.current,
          )
        : [],
    [model, layout, selected, editingId, drag, processDrag, editable, highlight, current, overview],
  );
  const edges = useMemo(
    () =>
      model && layout
        ? buildEdges({ model, layout, selection: selected, highlight, overview }, edgeCache.current)
        : [],
    [model, layout, selected, highlight, overview],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StudioNode>[]) => {
      const state = store.getState();
      const selections: { id: string; selected: boolean }[] = [];
      for (const change of changes) {
        if (change.type === 'select') selections.push({ id: change.id, selected: change.selected });
        else if (readOnly) continue;
        else if (change.type === 'position' && change.position && state.model?.activities[change.id]) {
          if (change.dragging) state.dragActivity(change.id, change.position.y);
          else if (state.drag?.activityId === change.id)
            void state.dropActivity(change.id, change.position.y);
        } else if (change.type === 'position' && change.position && state.model?.processes[change.id]) {
          if (change.dragging) state.dragProcess(change.id, change.position.x, change.position.y);
          else if (state.processDrag?.processId === change.id)
            void state.dropProcess(change.id, change.position.x, change.position.y);
        }
        // Dimensions are fixed by the layout; removals go through commands (the Delete key), not here.
      }
      if (selections.length > 0) state.changeSelection(selections);
    },
    [store, readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<HandoverFlowEdge>[]) => {
      const selections = changes.flatMap((change) =>
        change.type === 'select' ? [{ id: change.id, selected: change.selected }] : [],
      );
      if (selections.length > 0) store.getState().changeSelection(selections);
    },
    [store],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (connection) => {
      const { model, connectKind } = store.getState();
      return !!model && mayConnect(model, connection.source, connection.target, connectKind).allowed;
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => void store.getState().connect(connection.source, connection.target),
    [store],
  );

  // A drop on a process that refuses the hand-over: run the command anyway, so the refusal is reported
  // with the rules' reason (nothing is sent to the API).
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      const { model } = store.getState();
      if (connection.isValid || !connection.fromNode || !connection.toNode || !model) return;
      if (model.processes[connection.toNode.id] && model.activities[connection.fromNode.id]) {
        void store.getState().connect(connection.fromNode.id, connection.toNode.id);
      }
    },
    [store],
  );

  const onNodeDoubleClick = useCallback(
    (_event: unknown, node: StudioNode) => {
      if (node.type === 'activity' && !readOnly) store.getState().startRename(node.id);
    },
    [store, readOnly],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (isTyping(event.target) || readOnly) return;
      const state = store.getState();
      const only = state.selection.length === 1 ? state.selection[0]! : null;
      const activity = only ? state.model?.activities[only] : undefined;
      const process = only ? state.model?.processes[only] : undefined;
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        void state.deleteSelection();
      } else if ((event.key === 'Enter' || event.key === 'F2') && activity && state.editable) {
        // Enter on a focused node first selects it (React Flow); Enter on the selected one renames it.
        const focused = (event.target as HTMLElement).closest?.('.react-flow__node')?.getAttribute('data-id');
        if (event.key === 'F2' || focused === activity.id) {
          event.preventDefault();
          state.startRename(activity.id);
        }
      } else if (
        (event.key === 'n' || event.key === 'N') &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey
      ) {
        if (activity) state.startDraft(activity.processId, activity.position + 1);
        else if (process) state.startDraft(process.id);
        else return;
        event.preventDefault();
      } else if (event.altKey && event.key.startsWith('Arrow') && process) {
        event.preventDefault();
        event.stopPropagation();
        const direction = event.key.slice('Arrow'.length).toLowerCase() as 'left' | 'right' | 'up' | 'down';
        void state.shiftProcess(process.id, direction).then(() => focusNode(process.id));
      } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && activity) {
        event.preventDefault();
        event.stopPropagation();
        void state
          .nudgeActivity(activity.id, event.key === 'ArrowUp' ? -1 : 1)
          .then(() => focusNode(activity.id));
      }
    },
    [store, readOnly],
  );

  const minimapColour = useCallback(
    (node: StudioNode) =>
      node.type === 'process'
        ? PROCESS_COLOURS[node.data.processKey].border
        : PROCESS_COLOURS[node.data.processKey].strong,
    [],
  );

  return (
    <div
      className={`canvas${zoomedOut ? ' is-zoomed-out' : ''}${overview ? ' is-overview' : ''}${drag ? ' is-dragging' : ''}`}
      onKeyDownCapture={onKeyDown}
      // Focusable (not a tab stop), so that its shortcuts work after a click on the overview's rows.
      tabIndex={-1}
    >
      <ReactFlow<StudioNode, HandoverFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={readOnly ? undefined : onConnect}
        onConnectEnd={readOnly ? undefined : onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDoubleClick={onNodeDoubleClick}
        nodesConnectable={editable}
        nodesDraggable={editable}
        connectOnClick={false}
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        // Only what is in view is mounted: at scale, most of the architecture is off screen.
        onlyRenderVisibleElements
        onInit={() => {
          fitArchitecture();
          setFitted(true);
        }}
        minZoom={0.1}
        maxZoom={2}
        connectionRadius={28}
        aria-label="Process architecture"
      >
        <Background gap={24} size={1} color="#d9dee7" />
        {overview && fitted && <OverviewLayer editable={editable} />}
        {/* The overview redraws every node on every move: it is left out while a step is dragged, and at scale. */}
        {!drag && nodes.length <= MINIMAP_NODE_LIMIT && (
          <MiniMap<StudioNode>
            position="top-right"
            style={{ width: 180, height: 120 }}
            pannable
            zoomable
            nodeColor={minimapColour}
            nodeStrokeWidth={0}
            ariaLabel="Overview map"
          />
        )}
        <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls">
          <ControlButton onClick={() => fitArchitecture(300)} title="Fit view" aria-label="Fit view">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
            </svg>
          </ControlButton>
        </Controls>
        <Panel position="top-left" className="legend" aria-label="Legend">
          <span className="legend__item">
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="28" y2="4" stroke="#3d4656" strokeWidth="2" />
            </svg>
            fork (waits)
          </span>
          <span className="legend__item">
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="28" y2="4" stroke="#6b7484" strokeWidth="2" strokeDasharray="6 5" />
            </svg>
            spawn (does not wait)
          </span>
        </Panel>
      </ReactFlow>
    </div>
  );
}
