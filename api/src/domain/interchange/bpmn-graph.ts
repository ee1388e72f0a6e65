import { CALL_TYPE_ENTERING, type ProcessKey } from '../usm';
import { pathRuns, type BpmnPath, type Run } from './bpmn-path';
import { CALL_TYPE_LABELS } from './handbook';
import type { SnapshotHandover, SnapshotIndex } from './snapshot';

export type NodeType =
  | 'startEvent'
  | 'endEvent'
  | 'task'
  | 'callActivity'
  | 'intermediateThrowEvent'
  | 'intermediateCatchEvent'
  | 'exclusiveGateway';

export interface FlowNode {
  id: string;
  type: NodeType;
  name: string;
  pool: ProcessKey;
  column: number;
  lane: number;
  row: number;
  documentation?: string;
  messageRef?: string;
  calledElement?: string;
  incoming: string[];
  outgoing: string[];
}

export interface SequenceFlow {
  id: string;
  source: FlowNode;
  target: FlowNode;
}

export interface MessageFlow {
  id: string;
  name: string;
  source: FlowNode;
  /** A flow node, or a collapsed pool. */
  target: FlowNode | { participant: string; key: ProcessKey };
  messageRef: string;
}

export interface Pool {
  key: ProcessKey;
  participantId: string;
  processId: string;
  name: string;
  /** Lane names (procedures); empty: no lane set. */
  lanes: { id: string; name: string; roleId: string | null }[];
  nodes: FlowNode[];
  flows: SequenceFlow[];
}

/** Pools in the order the path enters them, their nodes and flows placed on a grid of columns and rows. */
export interface BpmnGraph {
  pools: Pool[];
  messages: Map<string, string>;
  /** Collapsed pools for spawned new calls, by process. */
  collapsed: Map<ProcessKey, string>;
  messageFlows: MessageFlow[];
  columns: number;
}

/**
 * Pools, lanes, flow nodes and flows for a path: runs of each process joined by message flows where the
 * path follows a fork, call activities where it does not, spawns as message flows to collapsed pools. Ids
 * are counters in document order, so the same path always gives the same ids.
 */
export function buildBpmnGraph(
  index: SnapshotIndex,
  path: BpmnPath,
  roleOrder: ReadonlyMap<string, number>,
): BpmnGraph {
  const { steps, followForks, trigger, withLanes, startProcess } = path;
  const processName = (key: ProcessKey) => index.processes.get(key)?.name ?? key;
  const counters = new Map<string, number>();
  const nextId = (prefix: string) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    return `${prefix}_${next}`;
  };
  const pools = new Map<ProcessKey, Pool>();
  const poolOf = (key: ProcessKey): Pool => {
    let pool = pools.get(key);
    if (!pool) {
      pool = {
        key,
        participantId: `Participant_${key}`,
        processId: `Process_${key}`,
        name: processName(key),
        lanes: [],
        nodes: [],
        flows: [],
      };
      pools.set(key, pool);
    }
    return pool;
  };
  const laneOf = (pool: Pool, roleId: string | null): number => {
    if (!withLanes) return 0;
    let at = pool.lanes.findIndex((lane) => lane.roleId === roleId);
    if (at < 0) {
      pool.lanes.push({
        id: nextId('Lane'),
        name: roleId === null ? 'Unassigned' : (index.roles.get(roleId)?.name ?? 'Unknown role'),
        roleId,
      });
      at = pool.lanes.length - 1;
    }
    return at;
  };
  const messages = new Map<string, string>();
  const message = (id: string, name: string) => {
    messages.set(id, name);
    return id;
  };
  const collapsed = new Map<ProcessKey, string>();
  const messageFlows: MessageFlow[] = [];
  let column = 0;

  const node = (
    pool: Pool,
    type: NodeType,
    name: string,
    lane: number,
    extra: Partial<FlowNode> = {},
    at: { column?: number; row?: number } = {},
  ): FlowNode => {
    const prefix = {
      startEvent: 'StartEvent',
      endEvent: 'EndEvent',
      task: 'Task',
      callActivity: 'CallActivity',
      intermediateThrowEvent: 'ThrowEvent',
      intermediateCatchEvent: 'CatchEvent',
      exclusiveGateway: 'Gateway',
    }[type];
    const created: FlowNode = {
      id: nextId(prefix),
      type,
      name,
      pool: pool.key,
      column: at.column ?? column++,
      lane,
      row: at.row ?? 0,
      incoming: [],
      outgoing: [],
      ...extra,
    };
    pool.nodes.push(created);
    return created;
  };
  const sequence = (pool: Pool, source: FlowNode, target: FlowNode) => {
    const flow = { id: nextId('Flow'), source, target };
    source.outgoing.push(flow.id);
    target.incoming.push(flow.id);
    pool.flows.push(flow);
  };

  const emitRun = (run: Run, caller: { throw: FlowNode; message: string } | null) => {
    const pool = poolOf(run.process);
    let lane = laneOf(pool, run.entries[0]?.step.laneRole ?? null);
    const start = caller
      ? node(pool, 'startEvent', `${processName(run.process)} called`, lane, { messageRef: caller.message })
      : node(pool, 'startEvent', `${capitalise(CALL_TYPE_LABELS[trigger])} received`, lane);
    let previous = start;
    for (const entry of run.entries) {
      lane = laneOf(pool, entry.step.laneRole);
      const task = node(pool, 'task', entry.step.name, lane, { documentation: entry.step.documentation });
      sequence(pool, previous, task);
      previous = task;
      const handovers = index.activities.get(entry.step.activityId)?.handovers ?? [];
      for (const call of entry.calls) {
        const callType =
          handovers.find((h) => h.kind === 'FORK' && h.target === call.process)?.callType ??
          CALL_TYPE_ENTERING[call.process];
        const callMessage = message(`Message_${callType}`, capitalise(CALL_TYPE_LABELS[callType]));
        const thrown = node(pool, 'intermediateThrowEvent', `Call ${processName(call.process)}`, lane, {
          messageRef: callMessage,
        });
        sequence(pool, previous, thrown);
        const called = emitRun(call, { throw: thrown, message: callMessage });
        const fulfilled = message(
          `Message_Fulfilled_${call.process}`,
          `${processName(call.process)} fulfilled`,
        );
        const caught = node(pool, 'intermediateCatchEvent', `${processName(call.process)} fulfilled`, lane, {
          messageRef: fulfilled,
        });
        sequence(pool, thrown, caught);
        messageFlows.push({
          id: nextId('MessageFlow'),
          name: capitalise(CALL_TYPE_LABELS[callType]),
          source: thrown,
          target: called.start,
          messageRef: callMessage,
        });
        messageFlows.push({
          id: nextId('MessageFlow'),
          name: `${processName(call.process)} fulfilled`,
          source: called.end,
          target: caught,
          messageRef: fulfilled,
        });
        previous = caught;
      }
      const forks = handovers.filter((h) => h.kind === 'FORK');
      if (!followForks && forks.length > 0) previous = emitCallActivities(pool, previous, forks, lane);
      for (const spawn of handovers.filter((h) => h.kind === 'SPAWN')) {
        const spawnMessage = message(
          `Message_${spawn.callType}`,
          capitalise(CALL_TYPE_LABELS[spawn.callType]),
        );
        const thrown = node(
          pool,
          'intermediateThrowEvent',
          `Raise ${CALL_TYPE_LABELS[spawn.callType]}`,
          lane,
          {
            messageRef: spawnMessage,
          },
        );
        sequence(pool, previous, thrown);
        if (!collapsed.has(spawn.target)) collapsed.set(spawn.target, `Participant_NewCall_${spawn.target}`);
        messageFlows.push({
          id: nextId('MessageFlow'),
          name: `New ${CALL_TYPE_LABELS[spawn.callType]}`,
          source: thrown,
          target: { participant: collapsed.get(spawn.target)!, key: spawn.target },
          messageRef: spawnMessage,
        });
        previous = thrown;
      }
    }
    const end = caller
      ? node(pool, 'endEvent', `${processName(run.process)} fulfilled`, lane, {
          messageRef: message(`Message_Fulfilled_${run.process}`, `${processName(run.process)} fulfilled`),
        })
      : node(
          pool,
          'endEvent',
          run.depth === 0 ? 'Call fulfilled' : `${processName(run.process)} fulfilled`,
          lane,
        );
    sequence(pool, previous, end);
    return { start, end };
  };

  const emitCallActivities = (pool: Pool, previous: FlowNode, forks: SnapshotHandover[], lane: number) => {
    const callActivity = (fork: SnapshotHandover, at: { column?: number; row?: number } = {}) =>
      node(
        pool,
        'callActivity',
        processName(fork.target),
        lane,
        {
          calledElement: `Process_${fork.target}`,
          documentation: `Fork: a ${CALL_TYPE_LABELS[fork.callType]} to ${processName(fork.target)}; this process waits until it is fulfilled.`,
        },
        at,
      );
    if (forks.length === 1) {
      const called = callActivity(forks[0]!);
      sequence(pool, previous, called);
      return called;
    }
    const split = node(pool, 'exclusiveGateway', 'Which process?', lane);
    sequence(pool, previous, split);
    const callColumn = column++;
    const called = forks.map((fork, row) => callActivity(fork, { column: callColumn, row }));
    const join = node(pool, 'exclusiveGateway', '', lane);
    for (const each of called) {
      sequence(pool, split, each);
      sequence(pool, each, join);
    }
    return join;
  };

  // Pools in the order the path enters them; lanes in role order, "Unassigned" last.
  for (const step of steps) poolOf(step.process);
  if (withLanes) {
    for (const pool of pools.values()) {
      const roles = [
        ...new Set(steps.filter((step) => step.process === pool.key).map((step) => step.laneRole)),
      ];
      roles.sort((a, b) => (a === null ? 1 : b === null ? -1 : roleOrder.get(a)! - roleOrder.get(b)!));
      for (const role of roles) laneOf(pool, role);
    }
  }
  for (const run of pathRuns(steps)) emitRun(run, null);
  // An empty path still opens: a start and an end event in the pool of the process it starts in.
  if (steps.length === 0) emitRun({ process: startProcess, depth: 0, entries: [] }, null);

  return { pools: [...pools.values()], messages, collapsed, messageFlows, columns: column };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
