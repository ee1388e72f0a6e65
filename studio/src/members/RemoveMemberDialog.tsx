import { useState } from 'react';
import { ConfirmDialog } from '../catalogue/ConfirmDialog';
import { displayName } from '../core/members/members';
import type { Member } from '../core/members/gateway';

/** Asks before removing a member; a refusal (the last owner) shows inside the dialog. */
export function RemoveMemberDialog({
  member,
  isMe,
  lastOwner,
  onRemove,
  onClose,
}: {
  member: Member;
  isMe: boolean;
  lastOwner: boolean;
  onRemove: () => Promise<string | null>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = displayName(member);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    const failure = await onRemove();
    setBusy(false);
    if (failure) setProblem(failure);
    else onClose();
  }

  return (
    <ConfirmDialog
      title={`Remove ${name}?`}
      confirmLabel="Remove member"
      busy={busy}
      problem={problem}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <p>
        {isMe
          ? 'You will no longer see this organisation.'
          : `${name} (${member.user.email}) will no longer see this organisation.`}
      </p>
      {lastOwner ? (
        <p className="muted small">This is the only owner: the organisation always keeps one.</p>
      ) : (
        !isMe && <p className="muted small">You can undo this.</p>
      )}
    </ConfirmDialog>
  );
}
