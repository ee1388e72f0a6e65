/** Placeholder: being built (issue 5). */
export function RolesAndToolsView(props: { organisationId: string }) {
  return <h2 data-organisation={props.organisationId}>Roles and tools</h2>;
}
