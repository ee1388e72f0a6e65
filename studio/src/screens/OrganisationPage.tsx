import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useClient } from 'urql';
import { followLink, type OrganisationView } from '../app/router';
import { RolesAndToolsView } from '../catalogue/RolesAndToolsView';
import { CoverageView } from '../coverage/CoverageView';
import { InterchangeView } from '../interchange/InterchangeView';
import { WorkInstructionsView } from '../instructions/WorkInstructionsView';
import { MembersView } from '../members/MembersView';
import { ProcedureView } from '../procedures/ProcedureView';
import { ProceduresView } from '../procedures/ProceduresView';
import { ViewTabs } from '../shell/ViewTabs';
import { DerivationWalkthrough } from '../trainer/DerivationWalkthrough';
import { WalkthroughIndex } from '../trainer/WalkthroughIndex';
import { WorkflowWalkthrough } from '../trainer/WorkflowWalkthrough';
import { ArchitectureCanvas } from '../canvas/ArchitectureCanvas';
import { EditorStoreContext, useEditor } from '../canvas/editor-context';
import { isTyping } from '../canvas/focus';
import { Toolbar } from '../canvas/Toolbar';
import { createEditorStore, type EditorStore } from '../core/store';
import { createModelGateway } from '../data/gateway';
import { FailureBanner } from '../panels/FailureBanner';
import { Inspector } from '../panels/Inspector';
import { WorkflowsPanel } from '../panels/WorkflowsPanel';
import { AppHeader } from '../ui/AppHeader';
import { ROLE_LABELS } from '../ui/labels';
import { ErrorState, LoadingState } from '../ui/states';

export function OrganisationPage({
  organisationId,
  view,
}: {
  organisationId: string;
  view: OrganisationView;
}) {
  const client = useClient();
  const store = useMemo(() => createEditorStore(createModelGateway(client)), [client]);

  useEffect(() => {
    void store.getState().open(organisationId);
  }, [store, organisationId]);

  useUndoShortcuts(store);

  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <div className="editor-page">
          <EditorHeader />
          <EditorBody view={view} />
        </div>
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

function EditorHeader() {
  const name = useEditor((state) => state.model?.organisationName);
  const role = useEditor((state) => state.model?.myRole);
  useEffect(() => {
    document.title = name ? `${name} · USM Studio` : 'USM Studio';
  }, [name]);
  return (
    <AppHeader>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="/" onClick={followLink}>
          Organisations
        </a>
        <span aria-hidden="true">/</span>
        <span aria-current="page" className="breadcrumb__current">
          {name ?? '…'}
        </span>
        {role && <span className="badge">{ROLE_LABELS[role]}</span>}
      </nav>
    </AppHeader>
  );
}

function EditorBody({ view }: { view: OrganisationView }) {
  const status = useEditor((state) => state.status);
  const loadError = useEditor((state) => state.loadError);
  const reload = useEditor((state) => state.reload);
  const open = useEditor((state) => state.open);
  const organisationId = useEditor((state) => state.organisationId);

  if (status === 'idle' || status === 'loading')
    return <LoadingState label="Loading the process architecture…" fullPage />;
  if (status === 'missing') {
    return (
      <ErrorState
        fullPage
        title="Organisation not found"
        message="It does not exist, or you are not a member of it."
      />
    );
  }
  if (status === 'error') {
    return (
      <ErrorState
        fullPage
        title="The process architecture could not be loaded"
        message={loadError ?? 'Unknown error.'}
        onRetry={() => void (organisationId ? open(organisationId) : reload())}
      />
    );
  }
  return (
    <>
      <ViewTabs organisationId={organisationId ?? ''} current={view} />
      <FailureBanner />
      <OrganisationViewBody organisationId={organisationId ?? ''} view={view} />
    </>
  );
}

function OrganisationViewBody({ organisationId, view }: { organisationId: string; view: OrganisationView }) {
  switch (view.name) {
    case 'architecture':
      return (
        <>
          <Toolbar />
          <div className="editor-main">
            <WorkflowsPanel />
            <ArchitectureCanvas />
            <Inspector />
          </div>
        </>
      );
    case 'procedures':
      return (
        <ScrollingView>
          <ProceduresView organisationId={organisationId} />
        </ScrollingView>
      );
    case 'procedure':
      return (
        <ScrollingView>
          <ProcedureView organisationId={organisationId} procedureId={view.procedureId} />
        </ScrollingView>
      );
    case 'work-instructions':
      return (
        <ScrollingView>
          <WorkInstructionsView organisationId={organisationId} procedureId={view.procedureId} />
        </ScrollingView>
      );
    case 'roles-and-tools':
      return (
        <ScrollingView>
          <RolesAndToolsView organisationId={organisationId} />
        </ScrollingView>
      );
    case 'members':
      return (
        <ScrollingView>
          <MembersView organisationId={organisationId} />
        </ScrollingView>
      );
    case 'walkthrough':
      return (
        <ScrollingView>
          <WalkthroughIndex organisationId={organisationId} />
        </ScrollingView>
      );
    case 'interchange':
      return (
        <ScrollingView>
          <InterchangeView organisationId={organisationId} />
        </ScrollingView>
      );
    case 'coverage':
      return (
        <ScrollingView>
          <CoverageView organisationId={organisationId} />
        </ScrollingView>
      );
    case 'workflow-walkthrough':
      return <WorkflowWalkthrough key={view.number} organisationId={organisationId} number={view.number} />;
    case 'derivation-walkthrough':
      return <DerivationWalkthrough organisationId={organisationId} procedureId={view.procedureId} />;
  }
}

/** The views other than the canvas are documents: they scroll below the fixed header and tabs. */
function ScrollingView({ children }: { children: ReactNode }) {
  return <main className="document-view">{children}</main>;
}

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere on the page, except inside text fields (their own undo). */
function useUndoShortcuts(store: EditorStore) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (isTyping(event.target) || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void store.getState().undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void store.getState().redo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
