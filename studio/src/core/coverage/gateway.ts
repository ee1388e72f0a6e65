/**
 * What the coverage commands need from the API, as a framework-free interface: the studio implements it
 * over the GraphQL client (src/data/coverage-gateway.ts), tests with an in-memory fake. Failures are
 * thrown as GatewayError with the API's code.
 */
import type { Framework } from '../../gql/graphql';

export type { Framework };

/** One mapping as the commands need it: what it maps, to what, why, and its version. */
export interface MappingRecord {
  readonly id: string;
  readonly version: number;
  readonly framework: Framework;
  readonly itemKey: string;
  readonly activityId: string | null;
  readonly workflowId: string | null;
  readonly rationale: string;
}

export interface MapCoverageInput {
  readonly organisationId: string;
  readonly framework: Framework;
  readonly itemKey: string;
  readonly activityId?: string | null;
  readonly workflowId?: string | null;
  readonly rationale: string;
}

export interface CoverageGateway {
  map(input: MapCoverageInput): Promise<MappingRecord>;
  unmap(input: { id: string; version: number }): Promise<void>;
  /** Read from the server (never from a cache); null when it no longer exists. */
  readMapping(id: string): Promise<MappingRecord | null>;
}
