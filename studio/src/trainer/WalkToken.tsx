import { ViewportPortal } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { PROCESS_COLOURS } from '../canvas/colours';
import { useEditor } from '../canvas/editor-context';
import { absoluteActivityBox } from '../core/layout';

/**
 * The token that walks the path: a disc on the current activity, in the flow's coordinates, that slides
 * to the next activity (CSS transition on its transform) when the step changes.
 */
export function WalkToken({ activityId, depth }: { activityId: string | null; depth: number }) {
  const layout = useEditor((state) => state.layout);
  const model = useEditor((state) => state.model);
  const box = layout && model && activityId ? absoluteActivityBox(layout, model, activityId) : null;
  const activity = activityId ? model?.activities[activityId] : undefined;
  if (!box || !activity) return null;
  const style = {
    transform: `translate(${box.x - 14}px, ${box.y + box.height / 2 - 14}px)`,
    '--token': PROCESS_COLOURS[activity.processKey].strong,
  } as CSSProperties;
  return (
    <ViewportPortal>
      <div className="trainer-token" style={style} data-testid="trainer-token" aria-hidden="true">
        {depth > 0 ? depth : ''}
      </div>
    </ViewportPortal>
  );
}
