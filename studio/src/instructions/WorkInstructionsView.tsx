/** Placeholder: being built (issue 5). */
export function WorkInstructionsView(props: { organisationId: string; procedureId: string }) {
  return <h2 data-organisation={props.organisationId}>Work instructions</h2>;
}
