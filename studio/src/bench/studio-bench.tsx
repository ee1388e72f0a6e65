/**
 * Benchmark page: the real ArchitectureCanvas on the real editor store, over the in-memory gateway holding
 * a synthetic architecture of `?n=` activities (no API). Built only by vite.bench.config.ts, never part of
 * the studio's routes.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../ui/styles.css';
import { ArchitectureCanvas } from '../canvas/ArchitectureCanvas';
import { EditorStoreContext, useEditor } from '../canvas/editor-context';
import { createEditorStore } from '../core/store';
import { syntheticArchitecture } from '../core/testing/synthetic-architecture';
import { absoluteBoxes, requestedSize, timeLayout } from './bench-info';

const n = requestedSize();
const synthetic = syntheticArchitecture(n);
const store = createEditorStore(synthetic.gateway);
void store.getState().open(synthetic.gateway.organisationId);

function BenchCanvas() {
  const status = useEditor((state) => state.status);
  useEffect(() => {
    const { model, layout } = store.getState();
    if (status !== 'ready' || !model || !layout) return;
    window.__bench = {
      page: 'studio',
      activities: n,
      handovers: synthetic.handovers,
      boxes: absoluteBoxes(model, layout),
      // ArchitectureCanvas sets onlyRenderVisibleElements.
      onlyVisible: true,
      activityPosition: (activityId) => store.getState().model?.activities[activityId]?.position ?? null,
      timeLayout,
    };
  }, [status]);
  return status === 'ready' ? <ArchitectureCanvas /> : <p>Loading…</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <div className="editor-page" style={{ height: '100vh' }}>
          <div className="editor-main">
            <BenchCanvas />
          </div>
        </div>
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  </StrictMode>,
);
