import pg from 'pg';
import { logger } from '../logger';

/**
 * Tells followers of a presentation that it moved or ended. An interface with publish and subscribe only,
 * and no GraphQL in it: one within this process (the embedded database: one process by construction),
 * and one over PostgreSQL LISTEN/NOTIFY (a PostgreSQL server: several API processes may serve the same
 * presentations). The event is small on purpose (a
 * NOTIFY payload is limited): followers read the presentation's current state themselves.
 */
export interface PresentationEvent {
  presentationId: string;
  /** The version after the change: followers skip events older than what they have shown. */
  version: number;
  /** False once the presentation has ended: followers finish. */
  live: boolean;
}

export type PresentationListener = (event: PresentationEvent) => void;

export interface PresentationEvents {
  /** Called after the change is committed. */
  publish(event: PresentationEvent): Promise<void>;
  /** Listens to one presentation's events until the returned function is called. */
  subscribe(presentationId: string, listener: PresentationListener): () => void;
}

/** Events within this process: enough while one API process serves all followers. */
export class InProcessPresentationEvents implements PresentationEvents {
  private readonly listeners = new Map<string, Set<PresentationListener>>();

  async publish(event: PresentationEvent): Promise<void> {
    for (const listener of [...(this.listeners.get(event.presentationId) ?? [])]) listener(event);
  }

  subscribe(presentationId: string, listener: PresentationListener): () => void {
    const listeners = this.listeners.get(presentationId) ?? new Set();
    listeners.add(listener);
    this.listeners.set(presentationId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(presentationId) === listeners) {
        this.listeners.delete(presentationId);
      }
    };
  }

  /** How many presentations have listeners (tests: nothing leaks after followers leave). */
  followedPresentations(): number {
    return this.listeners.size;
  }
}

/** The channel every API process listens on; payloads are PresentationEvent as JSON (well under 8,000 bytes). */
export const PRESENTATION_CHANNEL = 'usm_presentation_events';

/** How long to wait before listening again after the listening connection was lost. */
const RECONNECT_DELAY_MS = 1_000;

/**
 * Events across API processes through PostgreSQL LISTEN/NOTIFY: every process keeps one connection that
 * listens on PRESENTATION_CHANNEL, and a publish is a NOTIFY on it, so a move made through any process
 * reaches the followers of all of them (this one included: it receives its own notification, so local
 * followers are served the same way). Only for a PostgreSQL server: the embedded database serves one
 * process, which the in-process implementation covers.
 *
 * A NOTIFY is delivered only to sessions listening at commit time; while the listening connection is
 * being re-established (after a database restart) events are missed. That is acceptable here because an
 * event only says "look again": followers read the presentation's current state themselves, and the
 * studio also polls as a fallback.
 */
export class PostgresPresentationEvents implements PresentationEvents {
  private readonly local = new InProcessPresentationEvents();
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  private constructor(private readonly connectionString: string) {}

  /** Connects and listens before resolving, so no event published afterwards is missed. */
  static async start(connectionString: string): Promise<PostgresPresentationEvents> {
    const events = new PostgresPresentationEvents(connectionString);
    await events.listen();
    return events;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (message.channel !== PRESENTATION_CHANNEL || !message.payload) return;
      const event = parseEvent(message.payload);
      if (event) void this.local.publish(event);
    });
    client.on('error', (error) => {
      logger.warn({ err: error }, 'presentation events: listening connection failed');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${PRESENTATION_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
  }

  private reconnect(lost: pg.Client): void {
    if (this.closed || this.client !== lost) return;
    this.client = null;
    lost.removeAllListeners('end');
    void lost.end().catch(() => undefined);
    this.retryLater();
  }

  private retryLater(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen().catch((error: unknown) => {
        logger.warn({ err: error }, 'presentation events: could not listen again; retrying');
        this.retryLater();
      });
    }, RECONNECT_DELAY_MS);
  }

  async publish(event: PresentationEvent): Promise<void> {
    const payload = JSON.stringify({
      presentationId: event.presentationId,
      version: event.version,
      live: event.live,
    });
    if (this.client) {
      await this.client.query('select pg_notify($1, $2)', [PRESENTATION_CHANNEL, payload]);
      return;
    }
    // Not listening right now (reconnecting): notify through a short-lived connection, and tell this
    // process's followers directly, since this process will not hear its own notification.
    const client = new pg.Client({ connectionString: this.connectionString });
    try {
      await client.connect();
      await client.query('select pg_notify($1, $2)', [PRESENTATION_CHANNEL, payload]);
    } finally {
      await client.end().catch(() => undefined);
    }
    await this.local.publish(event);
  }

  subscribe(presentationId: string, listener: PresentationListener): () => void {
    return this.local.subscribe(presentationId, listener);
  }

  /** How many presentations have listeners in this process. */
  followedPresentations(): number {
    return this.local.followedPresentations();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}

function parseEvent(payload: string): PresentationEvent | null {
  try {
    const value = JSON.parse(payload) as Partial<PresentationEvent>;
    if (
      typeof value.presentationId !== 'string' ||
      typeof value.version !== 'number' ||
      typeof value.live !== 'boolean'
    ) {
      return null;
    }
    return { presentationId: value.presentationId, version: value.version, live: value.live };
  } catch {
    return null;
  }
}
