import { followLink, organisationPath, type OrganisationView } from '../app/router';
import { ResetDemoButton } from '../interchange/ResetDemoButton';
import { HistoryButtons } from './HistoryButtons';

interface Tab {
  label: string;
  view: OrganisationView;
  /** The views this tab stays highlighted for. */
  covers: readonly OrganisationView['name'][];
}

const TABS: readonly Tab[] = [
  { label: 'Architecture', view: { name: 'architecture' }, covers: ['architecture'] },
  {
    label: 'Procedures',
    view: { name: 'procedures' },
    covers: ['procedures', 'procedure', 'work-instructions'],
  },
  { label: 'Roles and tools', view: { name: 'roles-and-tools' }, covers: ['roles-and-tools'] },
  { label: 'Members', view: { name: 'members' }, covers: ['members'] },
  {
    label: 'Walkthrough',
    view: { name: 'walkthrough' },
    covers: ['walkthrough', 'workflow-walkthrough', 'derivation-walkthrough'],
  },
  { label: 'Coverage', view: { name: 'coverage' }, covers: ['coverage'] },
  { label: 'Export & import', view: { name: 'interchange' }, covers: ['interchange'] },
];

/** The organisation's views as links (each has its own address), and the shared undo/redo. */
export function ViewTabs({ organisationId, current }: { organisationId: string; current: OrganisationView }) {
  return (
    <div className="view-tabs">
      <nav aria-label="Views of this organisation" className="view-tabs__nav">
        {TABS.map((tab) => {
          const active = tab.covers.includes(current.name);
          return (
            <a
              key={tab.label}
              href={organisationPath(organisationId, tab.view)}
              onClick={followLink}
              className={active ? 'view-tabs__tab is-active' : 'view-tabs__tab'}
              aria-current={active ? 'page' : undefined}
            >
              {tab.label}
            </a>
          );
        })}
      </nav>
      <ResetDemoButton organisationId={organisationId} />
      <HistoryButtons />
    </div>
  );
}
