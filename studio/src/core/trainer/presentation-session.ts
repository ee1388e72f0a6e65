/**
 * The trainer's side of a shared presentation: starts it, sends every step or stage change (one request at
 * a time; when the trainer clicks faster than the API answers, only the latest place is sent next), and
 * ends it. A stale version (someone moved it from another tab) is re-read and the move sent again once.
 * Presenting is not an edit of the model: nothing here enters the undo history.
 */
import { GatewayError } from '../errors';
import type { PresentationGateway } from './gateway';
import { sameTarget, type PresentedPlace, type WalkthroughTarget } from './presentation';

export interface SessionState {
  readonly place: PresentedPlace | null;
  readonly sharePath: string | null;
  readonly busy: boolean;
  readonly error: string | null;
}

export class PresentationSession {
  private state: SessionState = { place: null, sharePath: null, busy: false, error: null };
  private wanted: WalkthroughTarget | null = null;
  private sending: Promise<void> | null = null;
  private readonly listeners = new Set<(state: SessionState) => void>();

  constructor(private readonly gateway: PresentationGateway) {}

  get current(): SessionState {
    return this.state;
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(organisationId: string, target: WalkthroughTarget): Promise<void> {
    if (this.state.place?.live) return;
    this.update({ busy: true, error: null });
    try {
      const started = await this.gateway.start(organisationId, target);
      this.update({ place: started.place, sharePath: started.sharePath, busy: false });
      // The trainer may have moved on while it started.
      if (this.wanted && !sameTarget(started.place, this.wanted)) await this.moveTo(this.wanted);
    } catch (error) {
      this.update({ busy: false, error: messageOf('The presentation could not be started', error) });
    }
  }

  /** Sends where the trainer is now; a no-op while nothing is shared. */
  moveTo(target: WalkthroughTarget): Promise<void> {
    this.wanted = target;
    if (!this.state.place?.live) return Promise.resolve();
    if (!this.sending) {
      this.sending = this.drain().finally(() => {
        this.sending = null;
      });
    }
    return this.sending;
  }

  async end(): Promise<void> {
    const place = this.state.place;
    if (!place?.live) return;
    this.update({ busy: true, error: null });
    try {
      await this.sending;
      const latest = this.state.place ?? place;
      await this.gateway.end(latest.id, latest.version);
      this.update({ place: null, sharePath: null, busy: false });
    } catch (error) {
      this.update({ busy: false, error: messageOf('The presentation could not be ended', error) });
    }
  }

  private async drain(): Promise<void> {
    for (;;) {
      const place = this.state.place;
      const target = this.wanted;
      if (!place?.live || !target || sameTarget(place, target)) return;
      try {
        this.update({ place: await this.send(place, target), error: null });
      } catch (error) {
        this.update({ error: messageOf('The class could not follow this step', error) });
        return;
      }
    }
  }

  private async send(place: PresentedPlace, target: WalkthroughTarget): Promise<PresentedPlace> {
    try {
      return await this.gateway.move(place.id, place.version, target);
    } catch (error) {
      if (!(error instanceof GatewayError) || error.code !== 'CONFLICT') throw error;
      const now = await this.gateway.read(place.id);
      if (!now?.live) throw new GatewayError('NOT_FOUND', 'The presentation has ended.');
      return this.gateway.move(now.id, now.version, target);
    }
  }

  private update(change: Partial<SessionState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}

function messageOf(what: string, error: unknown): string {
  return `${what}: ${error instanceof Error ? error.message : String(error)}`;
}
