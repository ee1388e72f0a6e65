import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { absoluteActivityBox } from '../core/layout';
import { useEditorStore } from './editor-context';

/** Viewport moves the editor offers: fit the whole architecture (edges' lanes included), centre on a step. */
export function useViewport() {
  const store = useEditorStore();
  const flow = useReactFlow();

  const fitArchitecture = useCallback(
    (duration = 0) => {
      const layout = store.getState().layout;
      if (layout) void flow.fitBounds(layout.bounds, { padding: 0.06, duration });
    },
    [store, flow],
  );

  const centreOn = useCallback(
    (activityId: string) => {
      const { layout, model } = store.getState();
      const box = layout && model ? absoluteActivityBox(layout, model, activityId) : null;
      if (!box) return;
      const zoom = Math.max(flow.getZoom(), 1.1);
      void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 350 });
    },
    [store, flow],
  );

  return { fitArchitecture, centreOn };
}
