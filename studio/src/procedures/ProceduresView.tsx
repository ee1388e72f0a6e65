/** Placeholder: being built (issue 5). */
export function ProceduresView(props: { organisationId: string }) {
  return <h2 data-organisation={props.organisationId}>Procedures</h2>;
}
