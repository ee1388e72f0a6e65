import type { MemberRole } from '../gql/graphql';

export const ROLE_LABELS: Readonly<Record<MemberRole, string>> = {
  OWNER: 'Owner',
  ARCHITECT: 'Architect',
  TRAINER: 'Trainer',
  VIEWER: 'Viewer',
};
