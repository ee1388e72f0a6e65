/**
 * What the editor needs from the API, as an interface: the app injects one backed by the GraphQL client
 * (src/data/gateway.ts), tests inject an in-memory fake (src/core/testing/fake-gateway.ts). Failures are
 * thrown as GatewayError with the API's error code.
 */
import type {
  ArrangeCanvasInput,
  CreateActivityInput,
  CreateHandoverInput,
  DeleteInput,
  UpdateActivityInput,
} from '../gql/graphql';
import type { HandoverSnapshot, OrganisationSnapshot, ProcessSnapshot } from './model';
import type { ProcessKey } from './usm';

export interface ModelGateway {
  /** The organisation's model, read from the server (never from a cache); null when it is not visible. */
  loadOrganisation(organisationId: string): Promise<OrganisationSnapshot | null>;
  /** Creates an activity; answers its id and its process as it is now. */
  createActivity(input: CreateActivityInput): Promise<{ activityId: string; process: ProcessSnapshot }>;
  /** Renames or moves an activity; answers its process as it is now. */
  updateActivity(input: UpdateActivityInput): Promise<ProcessSnapshot>;
  /** Deletes an activity (and its hand-overs); answers its process as it is now. */
  deleteActivity(input: DeleteInput, processId: string): Promise<ProcessSnapshot>;
  createHandover(input: CreateHandoverInput): Promise<HandoverSnapshot>;
  deleteHandover(input: DeleteInput): Promise<void>;
  /** Saves (null: forgets) the arrangement of the process containers; answers the organisation's new version. */
  arrangeCanvas(
    input: ArrangeCanvasInput,
  ): Promise<{ version: number; canvasArrangement: ProcessKey[][] | null }>;
}
