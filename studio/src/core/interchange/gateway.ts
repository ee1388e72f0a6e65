/**
 * What the interchange command (importing a USM-WIF file as a procedure) needs from the API, as a
 * framework-free interface: the studio implements it over the GraphQL client
 * (src/data/interchange-gateway.ts), tests with an in-memory fake. Failures are thrown as GatewayError.
 */
import type { DocumentProblem } from './export-choices';

export interface ImportedProcedure {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

export interface WifImportResult {
  readonly procedure: ImportedProcedure;
  /** What matched nothing in the organisation and was left out, with its JSON path. */
  readonly skipped: readonly DocumentProblem[];
}

export interface InterchangeGateway {
  importWif(input: {
    organisationId: string;
    document: string;
    name?: string | null;
  }): Promise<WifImportResult>;
  /** Read from the server (never from a cache); null when it no longer exists. */
  readProcedure(id: string): Promise<ImportedProcedure | null>;
  deleteProcedure(input: { id: string; version: number }): Promise<void>;
}
