/** What presenting needs from the API (implemented over the GraphQL client in data/presentation-gateway.ts). */
import type { PresentedPlace, WalkthroughTarget } from './presentation';

export interface StartedPresentation {
  readonly place: PresentedPlace;
  readonly shareToken: string;
  /** "/present/<token>". */
  readonly sharePath: string;
}

export interface PresentationGateway {
  start(organisationId: string, target: WalkthroughTarget): Promise<StartedPresentation>;
  /** CONFLICT (a GatewayError) when `version` is stale. */
  move(id: string, version: number, target: WalkthroughTarget): Promise<PresentedPlace>;
  end(id: string, version: number): Promise<void>;
  /** As it stands now (null when it no longer exists). */
  read(id: string): Promise<PresentedPlace | null>;
}
