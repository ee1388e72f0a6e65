import { Handle, Position, useConnection, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { mayConnect } from '../core/rules';
import { CALL_TYPE_PHRASES } from '../core/usm';
import { PROCESS_COLOURS } from './colours';
import { useEditorStore } from './editor-context';
import type { ProcessFlowNode } from './flow-elements';

/**
 * A process container. While a hand-over is being dragged from an activity, it says whether it accepts
 * it — and if not, why (the rules module's sentence).
 */
function ProcessNodeView({ id, data, selected }: NodeProps<ProcessFlowNode>) {
  const store = useEditorStore();
  const connectingFrom = useConnection((connection) =>
    connection.inProgress ? connection.fromNode.id : null,
  );
  const hovered = useConnection((connection) => connection.inProgress && connection.toNode?.id === id);
  const colours = PROCESS_COLOURS[data.processKey];

  let verdictText: string | null = null;
  let accepts = false;
  if (connectingFrom) {
    const { model, connectKind } = store.getState();
    const verdict = model ? mayConnect(model, connectingFrom, id, connectKind) : null;
    if (verdict?.allowed) {
      accepts = true;
      verdictText = `Drop here: ${connectKind === 'FORK' ? 'fork' : 'spawn'} by ${CALL_TYPE_PHRASES[verdict.callType]}`;
    } else if (verdict) {
      verdictText = verdict.reason;
    }
  }

  const className = [
    'process',
    selected && 'is-selected',
    connectingFrom && (accepts ? 'accepts-drop' : 'refuses-drop'),
    hovered && 'is-drop-target',
    data.dimmed && 'is-dimmed',
    data.current && 'is-current',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={className}
      style={
        { '--strong': colours.strong, '--tint': colours.tint, '--border': colours.border } as CSSProperties
      }
    >
      <Handle
        type="target"
        position={Position.Top}
        id="in-top"
        isConnectable={false}
        className="process__anchor"
      />
      <Handle
        type="target"
        position={Position.Bottom}
        id="in-bottom"
        isConnectable={false}
        className="process__anchor"
      />
      <div className="process__header">
        <span className="process__name">{data.name}</span>
        <span className="process__count" aria-label={`${data.count} activities`}>
          {data.count}
        </span>
        <span className="process__purpose" title={data.purpose}>
          {data.purpose}
        </span>
        {/* The whole header is where a hand-over is dropped; it only catches the pointer while connecting. */}
        <Handle
          type="target"
          position={Position.Top}
          id="drop"
          isConnectable={data.editable}
          isConnectableStart={false}
          className="process__drop"
          style={{ pointerEvents: connectingFrom ? 'all' : 'none' }}
        />
      </div>
      {verdictText && (hovered || accepts) && (
        <div className={accepts ? 'process__verdict' : 'process__verdict is-refused'} role="tooltip">
          {verdictText}
        </div>
      )}
      {verdictText && !accepts && !hovered && (
        <div className="process__verdict is-refused is-quiet" title={verdictText}>
          Not allowed
        </div>
      )}
      {data.count === 0 && <p className="process__empty">No activities yet</p>}
      {data.editable && (
        <button
          type="button"
          className="process__add nodrag nopan"
          onClick={(event) => {
            event.stopPropagation();
            store.getState().startDraft(id);
          }}
        >
          + Add activity
        </button>
      )}
    </div>
  );
}

export const ProcessNode = memo(ProcessNodeView);
