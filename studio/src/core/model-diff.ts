/**
 * What someone else changed: the differences between the model the editor holds and the one the server
 * holds now, as sentences. Shown with a CONFLICT, so the user sees what they would reload into before
 * choosing to apply their edit again.
 */
import { CALL_TYPE_LABELS } from './usm';
import type { ArchitectureModel } from './model';

export function describeChanges(local: ArchitectureModel, server: ArchitectureModel, limit = 8): string[] {
  const changes: string[] = [];
  if (local.organisationName !== server.organisationName) {
    changes.push(`The organisation was renamed to “${server.organisationName}”.`);
  }
  for (const [id, theirs] of Object.entries(server.activities)) {
    const mine = local.activities[id];
    const processName = server.processes[theirs.processId]?.name ?? 'its process';
    if (!mine) {
      changes.push(`“${theirs.name}” was added to ${processName} at place ${theirs.position}.`);
      continue;
    }
    if (mine.name !== theirs.name) changes.push(`“${mine.name}” was renamed to “${theirs.name}”.`);
    else if (mine.description !== theirs.description)
      changes.push(`The description of “${theirs.name}” changed.`);
  }
  for (const [id, mine] of Object.entries(local.activities)) {
    if (!server.activities[id]) changes.push(`“${mine.name}” was deleted.`);
  }
  for (const processId of server.processIds) {
    if (reordered(local, server, processId)) {
      changes.push(`The activities of ${server.processes[processId]!.name} were put in another order.`);
    }
  }
  for (const [id, theirs] of Object.entries(server.handovers)) {
    if (local.handovers[id]) continue;
    const from = server.activities[theirs.fromActivityId]?.name ?? 'an activity';
    changes.push(`A hand-over (${CALL_TYPE_LABELS[theirs.callType]}) from “${from}” was added.`);
  }
  for (const [id, mine] of Object.entries(local.handovers)) {
    if (server.handovers[id] || !server.activities[mine.fromActivityId]) continue;
    const from = local.activities[mine.fromActivityId]?.name ?? 'an activity';
    changes.push(`The hand-over (${CALL_TYPE_LABELS[mine.callType]}) from “${from}” was removed.`);
  }
  if (changes.length > limit)
    return [...changes.slice(0, limit), `…and ${changes.length - limit} more changes.`];
  return changes;
}

/** Whether the activities both models hold stand in another order (additions and deletions aside). */
function reordered(local: ArchitectureModel, server: ArchitectureModel, processId: string): boolean {
  const shared = (model: ArchitectureModel) =>
    (model.processes[processId]?.activityIds ?? []).filter(
      (id) => local.activities[id] && server.activities[id],
    );
  return shared(local).join() !== shared(server).join();
}
