import { useMemo } from 'react';
import { useClient, useQuery } from 'urql';
import { useEditor } from '../canvas/editor-context';
import { roleUsage, roleUsageText, toolUsage, toolUsageText } from '../core/catalogue/catalogue';
import { createCatalogueGateway } from '../data/catalogue-gateway';
import { CatalogueViewQuery } from '../data/catalogue-operations';
import { errorMessage } from '../data/errors';
import { ErrorState, LoadingState } from '../ui/states';
import { CataloguePanel, type PanelItem } from './CataloguePanel';
import { useRereadOnRevision } from './hooks';
import './catalogue.css';

/** The organisation's roles (WHO) and tools (HOW), side by side. */
export function RolesAndToolsView({ organisationId }: { organisationId: string }) {
  const client = useClient();
  const gateway = useMemo(() => createCatalogueGateway(client), [client]);
  const editable = useEditor((state) => state.editable);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CatalogueViewQuery,
    variables: { id: organisationId },
    requestPolicy: 'network-only',
  });
  useRereadOnRevision(reexecute);
  const organisation = data?.organisation;

  const { roles, tools } = useMemo(() => {
    if (!organisation) return { roles: [], tools: [] };
    const toolCounts = toolUsage(organisation.procedures);
    const entry = ({ id, name, description, version }: PanelItem['entry']) => ({
      id,
      name,
      description,
      version,
    });
    return {
      roles: organisation.roles.map(
        (role): PanelItem => ({ entry: entry(role), usage: roleUsageText(roleUsage(role.assignments)) }),
      ),
      tools: organisation.tools.map(
        (tool): PanelItem => ({ entry: entry(tool), usage: toolUsageText(toolCounts.get(tool.id) ?? 0) }),
      ),
    };
  }, [organisation]);

  if (!data && fetching) return <LoadingState label="Loading roles and tools…" />;
  if (!data && error) {
    return (
      <ErrorState
        title="The roles and tools could not be loaded"
        message={errorMessage(error)}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!organisation) {
    return (
      <ErrorState title="Organisation not found" message="It does not exist, or you are not a member." />
    );
  }

  return (
    <div className="catalogue">
      <div className="catalogue__intro">
        <h1>Roles and tools</h1>
        <p className="muted">
          Roles say WHO performs the steps of a procedure; tools say HOW a work instruction is carried out.
          {!editable && ' Your role lets you read these lists, not edit them.'}
        </p>
      </div>
      <div className="catalogue__panels">
        <CataloguePanel
          kind="role"
          title="Roles"
          intro="USM profiles. The count is how many procedure steps a role holds RACI letters on."
          items={roles}
          editable={editable}
          organisationId={organisationId}
          gateway={gateway}
        />
        <CataloguePanel
          kind="tool"
          title="Tools"
          intro="Technology. The count is how many work instructions use a tool."
          items={tools}
          editable={editable}
          organisationId={organisationId}
          gateway={gateway}
        />
      </div>
    </div>
  );
}
