import { displayName, MEMBER_ROLES } from '../core/members/members';
import type { Member } from '../core/members/gateway';
import type { MemberRole } from '../core/usm';
import { ROLE_LABELS } from '../ui/labels';

/** One member: name, email and role; owners change the role in place and remove the member. */
export function MemberRow({
  member,
  isMe,
  manage,
  busy,
  onChangeRole,
  onRemove,
}: {
  member: Member;
  isMe: boolean;
  manage: boolean;
  busy: boolean;
  onChangeRole: (role: MemberRole) => void;
  onRemove: () => void;
}) {
  const name = displayName(member);
  return (
    <tr data-testid="member-row">
      <th scope="row" className="members-table__name">
        {member.user.name || <span className="muted">No name</span>}
        {isMe && <span className="muted small"> (you)</span>}
      </th>
      <td className="members-table__email">{member.user.email}</td>
      <td>
        {manage ? (
          <select
            className="input members-table__role"
            aria-label={`Role of ${name}`}
            value={member.role}
            disabled={busy}
            onChange={(event) => onChangeRole(event.target.value as MemberRole)}
          >
            {MEMBER_ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
        ) : (
          <span className="badge">{ROLE_LABELS[member.role]}</span>
        )}
      </td>
      {manage && (
        <td className="members-table__actions">
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`Remove ${name}`}
            disabled={busy}
            onClick={onRemove}
          >
            Remove
          </button>
        </td>
      )}
    </tr>
  );
}
