/** Placeholder: being built (issue 5). */
export function ProcedureView(props: { organisationId: string; procedureId: string }) {
  return <h2 data-organisation={props.organisationId}>Procedure</h2>;
}
