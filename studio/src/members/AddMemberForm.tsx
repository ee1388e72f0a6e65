import { useId, useState, type FormEvent } from 'react';
import { emailProblem, MEMBER_ROLES } from '../core/members/members';
import type { MemberRole } from '../core/usm';
import { ROLE_LABELS } from '../ui/labels';

/** Adds a member by email with a role (owners only). `onAdd` answers null when added, else the reason. */
export function AddMemberForm({
  onAdd,
}: {
  onAdd: (email: string, role: MemberRole) => Promise<string | null>;
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('VIEWER');
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = emailProblem(email);
    if (invalid) {
      setProblem(invalid);
      return;
    }
    setBusy(true);
    setProblem(null);
    const failure = await onAdd(email, role);
    setBusy(false);
    if (failure) setProblem(failure);
    else setEmail('');
  }

  return (
    <form className="members-add stack stack--tight" onSubmit={submit} noValidate>
      <div className="members-add__fields">
        <div className="field members-add__email">
          <label htmlFor={`${id}-email`} className="field__label">
            Email
          </label>
          <input
            id={`${id}-email`}
            type="email"
            className="input"
            autoComplete="off"
            value={email}
            placeholder="name@example.org"
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`} className="field__label">
            Role
          </label>
          <select
            id={`${id}-role`}
            className="input"
            value={role}
            onChange={(event) => setRole(event.target.value as MemberRole)}
          >
            {MEMBER_ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={busy || !email.trim()}>
          {busy ? 'Adding…' : 'Add member'}
        </button>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <p className="muted small">The person needs an account first: administrators create accounts.</p>
    </form>
  );
}
