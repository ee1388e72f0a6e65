import { useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { useSession } from '../app/session';
import { useRereadOnRevision, useRunCommand } from '../catalogue/hooks';
import { AddMember, RemoveMember, UpdateMember } from '../core/members';
import type { Member } from '../core/members/gateway';
import type { MemberRole } from '../core/usm';
import { isLastOwner, mayManageMembers, sortMembers } from '../core/members/members';
import { errorMessage } from '../data/errors';
import { createMemberGateway, memberFrom } from '../data/member-gateway';
import { MembersViewQuery } from '../data/member-operations';
import { ROLE_LABELS } from '../ui/labels';
import { ErrorState, LoadingState } from '../ui/states';
import { AddMemberForm } from './AddMemberForm';
import { MemberRow } from './MemberRow';
import { RemoveMemberDialog } from './RemoveMemberDialog';
import './members.css';

/** Who may see or edit the organisation, and as what; owners manage the list. */
export function MembersView({ organisationId }: { organisationId: string }) {
  const client = useClient();
  const gateway = useMemo(() => createMemberGateway(client), [client]);
  const me = useSession().user;
  const run = useRunCommand();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MembersViewQuery,
    variables: { id: organisationId },
    requestPolicy: 'network-only',
  });
  useRereadOnRevision(reexecute);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const organisation = data?.organisation;
  const members = useMemo(() => sortMembers((organisation?.members ?? []).map(memberFrom)), [organisation]);

  if (!data && fetching) return <LoadingState label="Loading members…" />;
  if (!data && error) {
    return (
      <ErrorState
        title="The members could not be loaded"
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
  const manage = mayManageMembers(organisation.myRole);

  async function changeRole(member: Member, role: Member['role']) {
    if (role === member.role) return;
    setBusyId(member.id);
    setProblem(await run(new UpdateMember(gateway, member, role)));
    setBusyId(null);
  }

  return (
    <div className="members">
      <div className="members__intro">
        <h1>Members</h1>
        <p className="muted">
          Owners manage members; architects edit the model; trainers and viewers read it.
          {!manage &&
            organisation.myRole &&
            ` You are ${withArticle(organisation.myRole)}: only owners change this list.`}
        </p>
      </div>
      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading" className="panel__title">
          People<span className="count">{members.length}</span>
        </h2>
        {problem && (
          <p className="form-error members__problem" role="alert">
            {problem}
          </p>
        )}
        <table className="members-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {manage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                isMe={member.user.id === me.id}
                manage={manage}
                busy={busyId === member.id}
                onChangeRole={(role) => void changeRole(member, role)}
                onRemove={() => setRemoving(member)}
              />
            ))}
          </tbody>
        </table>
        {manage && (
          <>
            <h3 className="members__subheading">Add a member</h3>
            <AddMemberForm
              onAdd={(email, role) => run(new AddMember(gateway, organisationId, email, role))}
            />
          </>
        )}
      </section>
      {removing && (
        <RemoveMemberDialog
          member={removing}
          isMe={removing.user.id === me.id}
          lastOwner={isLastOwner(members, removing)}
          onRemove={() => run(new RemoveMember(gateway, organisationId, removing))}
          onClose={() => setRemoving(null)}
        />
      )}
    </div>
  );
}

function withArticle(role: MemberRole): string {
  const word = ROLE_LABELS[role].toLowerCase();
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}
