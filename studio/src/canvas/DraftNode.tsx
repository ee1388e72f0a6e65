import type { NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { PROCESS_COLOURS } from './colours';
import { useEditorStore } from './editor-context';
import type { DraftFlowNode } from './flow-elements';
import { InlineName } from './InlineName';

/** The free row where a new activity gets its name; nothing is saved until Enter. */
function DraftNodeView({ data }: NodeProps<DraftFlowNode>) {
  const store = useEditorStore();
  const colours = PROCESS_COLOURS[data.processKey];
  return (
    <div
      className="activity activity--draft"
      style={{ '--strong': colours.strong, '--border': colours.border } as CSSProperties}
    >
      <span className="activity__position" aria-hidden="true">
        {data.position}
      </span>
      <InlineName
        initial=""
        label="Name of the new activity"
        placeholder="Name the new activity…"
        onCommit={(name) => void store.getState().commitDraft(name)}
        onCancel={() => store.getState().cancelDraft()}
      />
    </div>
  );
}

export const DraftNode = memo(DraftNodeView);
