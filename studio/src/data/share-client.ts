/**
 * The trainees' GraphQL client: no session cookie, every request carries the share token
 * (`Authorization: Share <token>`), and subscriptions go over a WebSocket (graphql-ws) with the token in its
 * connection parameters. It reports whether the socket connected or was lost, so the page can fall back to
 * polling.
 */
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSocketClient } from 'graphql-ws';

export type SocketEvent = 'connected' | 'lost';

export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

export function createShareClient(
  shareToken: string,
  options: { live: boolean; onSocket?: (event: SocketEvent) => void },
): { client: Client; dispose: () => void } {
  const socket = options.live
    ? createSocketClient({
        url: socketUrl(window.location),
        connectionParams: { shareToken },
        lazy: true,
        // Blocked or dropped: the page polls instead of retrying here.
        retryAttempts: 0,
        on: {
          connected: () => options.onSocket?.('connected'),
          closed: () => options.onSocket?.('lost'),
        },
      })
    : null;
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: { credentials: 'omit', headers: { Authorization: `Share ${shareToken}` } },
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      ...(socket
        ? [
            subscriptionExchange({
              forwardSubscription(request) {
                const input = { ...request, query: request.query ?? '' };
                return {
                  subscribe(sink) {
                    const unsubscribe = socket.subscribe(input, sink);
                    return { unsubscribe };
                  },
                };
              },
            }),
          ]
        : []),
    ],
  });
  return { client, dispose: () => void socket?.dispose() };
}
