/** Placeholder: being built (issue 5). */
export function MembersView(props: { organisationId: string }) {
  return <h2 data-organisation={props.organisationId}>Members</h2>;
}
