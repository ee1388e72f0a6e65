/**
 * The reference model in the shape expandWorkflow consumes, with readable activity ids such
 * as `CHANGE-3` (process key and 1-based position) so failing expectations are easy to read.
 */
import { REFERENCE_HANDOVERS, REFERENCE_PROCESSES } from './reference-model';
import { PROCESS_ENTERED_BY, type ProcessKey } from './usm';
import type { ExpansionActivity, ExpansionModel } from './workflow-expansion';

export function referenceActivityId(processKey: ProcessKey, position: number): string {
  return `${processKey}-${position}`;
}

export function referenceExpansionModel(): ExpansionModel {
  const activitiesByProcess = new Map<ProcessKey, ExpansionActivity[]>();
  for (const process of REFERENCE_PROCESSES) {
    activitiesByProcess.set(
      process.key,
      process.activities.map((_, index) => ({
        id: referenceActivityId(process.key, index + 1),
        position: index + 1,
      })),
    );
  }
  const forkTargetsByActivity = new Map<string, ProcessKey[]>();
  for (const handover of REFERENCE_HANDOVERS) {
    if (handover.kind !== 'FORK') continue;
    const id = referenceActivityId(handover.process, handover.activityPosition);
    forkTargetsByActivity.set(id, [
      ...(forkTargetsByActivity.get(id) ?? []),
      PROCESS_ENTERED_BY[handover.callType],
    ]);
  }
  return { activitiesByProcess, forkTargetsByActivity };
}
