/**
 * What the roles-and-tools commands need from the API, as an interface: the app injects one over the GraphQL
 * client (src/data/catalogue-gateway.ts), tests an in-memory fake. Failures are thrown as GatewayError.
 */

/** Roles (USM profiles: WHO) and tools (technology: HOW) are both named catalogue entries. */
export type CatalogueKind = 'role' | 'tool';

export interface CatalogueEntry {
  id: string;
  name: string;
  description: string;
  version: number;
}

/** What depends on a role or a tool (the API's `impact` query). */
export interface CatalogueImpact {
  procedures: readonly { id: string; name: string }[];
  stepCount: number;
  workInstructionCount: number;
}

export interface CatalogueGateway {
  /** The entry as the server holds it now (never from a cache); null when it no longer exists. */
  entry(kind: CatalogueKind, id: string): Promise<CatalogueEntry | null>;
  create(
    kind: CatalogueKind,
    input: { organisationId: string; name: string; description: string },
  ): Promise<CatalogueEntry>;
  update(
    kind: CatalogueKind,
    input: { id: string; version: number; name?: string; description?: string },
  ): Promise<CatalogueEntry>;
  /** Refused with BAD_USER_INPUT (naming the procedures) while the entry is in use. */
  delete(kind: CatalogueKind, input: { id: string; version: number }): Promise<void>;
  impact(id: string): Promise<CatalogueImpact>;
}
