import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { Provider } from 'urql';
import { EditorStoreContext } from '../../canvas/editor-context';
import {
  nextFollowStatus,
  transportFromSearch,
  type FollowEvent,
  type FollowStatus,
} from '../../core/trainer/presentation';
import { createEditorStore } from '../../core/store';
import { createModelGateway } from '../../data/gateway';
import { createShareClient } from '../../data/share-client';
import { FollowView } from './FollowView';
import '../trainer.css';

/**
 * The trainees' page (/present/<token>): no sign-in, read-only, reads only through the share link's token.
 * It follows the trainer live over a WebSocket, or polls every 2 s when the socket cannot connect or closes
 * (or when the link says ?transport=poll).
 */
export function PresentPage({ token }: { token: string }) {
  const [transport] = useState(() => transportFromSearch(window.location.search));
  const [status, dispatch] = useReducer(
    (state: FollowStatus, event: FollowEvent) => nextFollowStatus(state, event),
    transport === 'poll' ? 'polling' : 'connecting',
  );
  const share = useMemo(
    () =>
      createShareClient(token, {
        live: transport === 'live',
        onSocket: (event) => dispatch({ type: event === 'connected' ? 'connected' : 'socket-lost' }),
      }),
    [token, transport],
  );
  useEffect(() => () => share.dispose(), [share]);
  const store = useMemo(() => createEditorStore(createModelGateway(share.client)), [share]);

  useEffect(() => {
    document.title = 'Presentation · USM Studio';
  }, []);

  return (
    <Provider value={share.client}>
      <EditorStoreContext.Provider value={store}>
        <ReactFlowProvider>
          <FollowView status={status} dispatch={dispatch} live={transport === 'live'} />
        </ReactFlowProvider>
      </EditorStoreContext.Provider>
    </Provider>
  );
}
