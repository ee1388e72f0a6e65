import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { PROCESS_COLOURS } from './colours';
import { useEditorStore } from './editor-context';
import type { ActivityFlowNode } from './flow-elements';
import { focusNode } from './focus';
import { InlineName } from './InlineName';

function ActivityNodeView({ id, data, selected, dragging }: NodeProps<ActivityFlowNode>) {
  const store = useEditorStore();
  const colours = PROCESS_COLOURS[data.processKey];
  const className = [
    'activity',
    selected && 'is-selected',
    dragging && 'is-dragging',
    data.editing && 'is-editing',
    data.pathSteps && 'is-on-path',
    data.dimmed && 'is-dimmed',
    data.current && 'is-current',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={className}
      style={{ '--strong': colours.strong, '--border': colours.border } as CSSProperties}
    >
      <span className="activity__position" aria-hidden="true">
        {data.position}
      </span>
      {data.editing ? (
        <InlineName
          initial={data.name}
          label={`New name for ${data.name}`}
          onCommit={(name) => {
            void store.getState().renameActivity(id, name);
            focusNode(id);
          }}
          onCancel={() => {
            store.getState().cancelRename();
            focusNode(id);
          }}
        />
      ) : (
        <span className="activity__name" title={data.name}>
          {data.name}
        </span>
      )}
      {data.pathSteps && (
        <span className="activity__path-step" title={`Step ${data.pathSteps} of the workflow`}>
          {data.pathSteps}
        </span>
      )}
      <Handle
        type="source"
        position={Position.Right}
        id="out"
        isConnectable={data.editable}
        className="activity__out"
        title={data.editable ? 'Drag to a process to hand over to it' : undefined}
      />
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);
