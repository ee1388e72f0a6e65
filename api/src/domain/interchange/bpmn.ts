/**
 * BPMN 2.0 XML of a process, a workflow or a procedure, with diagram interchange (BPMNDI) so that a modeller
 * (Camunda Modeler, bpmn.io) opens it laid out, left to right in the order the work happens.
 *
 * The shape of the export:
 * - a collaboration with one pool (participant and process) per USM process on the path;
 * - for procedures, lanes inside each pool: the roles Responsible for its steps (a step goes to the lane of its
 *   first Responsible role in role order; steps without one to an "Unassigned" lane);
 * - one task per activity (per step of a workflow or procedure), in order, joined by sequence flows, from a
 *   start event to an end event;
 * - a fork that the path follows (workflows, procedures derived from a workflow): an intermediate message throw
 *   event "Call <process>" whose message flow starts the called pool (message start event); the called pool
 *   ends with a message end event whose message flow reaches the caller's intermediate catch event
 *   "<process> fulfilled", where the caller resumes (a fork is synchronous);
 * - a fork the export does not follow (a single process, or a procedure derived from one): a call activity
 *   whose calledElement is the called process's id (`Process_CHANGE`), behind an exclusive gateway when the
 *   step may fork to several processes;
 * - a spawn: an intermediate message throw event "Raise <call type>" in the flow (the caller does not wait)
 *   with a message flow to a collapsed pool "<process> (new call)": a new, independent call.
 *
 * Ids are NCNames built from fixed prefixes, process keys and counters in document order: deterministic.
 * Obsolete procedure steps are left out (they are no longer part of the work).
 */
import { NotFoundError } from '../errors';
import { CALL_TYPE_ENTERING, type CallType, type ProcessKey } from '../usm';
import { CALL_TYPE_LABELS } from './handbook';
import { indexSnapshot, type OrganisationSnapshot, type SnapshotHandover } from './snapshot';

export type BpmnSelection =
  | { kind: 'PROCESS'; process: ProcessKey }
  | { kind: 'WORKFLOW'; workflowNumber: number }
  | { kind: 'PROCEDURE'; procedureId: string };

type NodeType =
  | 'startEvent'
  | 'endEvent'
  | 'task'
  | 'callActivity'
  | 'intermediateThrowEvent'
  | 'intermediateCatchEvent'
  | 'exclusiveGateway';

interface FlowNode {
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

interface SequenceFlow {
  id: string;
  source: FlowNode;
  target: FlowNode;
}

interface MessageFlow {
  id: string;
  name: string;
  source: FlowNode;
  /** A flow node, or a collapsed pool. */
  target: FlowNode | { participant: string; key: ProcessKey };
  messageRef: string;
}

interface Pool {
  key: ProcessKey;
  participantId: string;
  processId: string;
  name: string;
  /** Lane names (procedures); empty: no lane set. */
  lanes: { id: string; name: string; roleId: string | null }[];
  nodes: FlowNode[];
  flows: SequenceFlow[];
}

interface PathStep {
  process: ProcessKey;
  depth: number;
  activityId: string;
  name: string;
  documentation: string;
  /** The role whose lane the step goes to (procedures); null: Unassigned. */
  laneRole: string | null;
}

interface Run {
  process: ProcessKey;
  depth: number;
  entries: { step: PathStep; calls: Run[] }[];
}

/** Cuts a path (steps with depths) into the runs of each process and the calls between them. */
export function pathRuns(steps: readonly { process: ProcessKey; depth: number }[]): Run[] {
  const roots: Run[] = [];
  const stack: Run[] = [];
  for (const step of steps as readonly PathStep[]) {
    while (stack.length && stack[stack.length - 1]!.depth > step.depth) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.depth === step.depth && top.process === step.process) {
      top.entries.push({ step, calls: [] });
      continue;
    }
    if (top && top.depth === step.depth) stack.pop(); // a sibling call: the previous one has ended
    const run: Run = { process: step.process, depth: step.depth, entries: [{ step, calls: [] }] };
    const caller = stack[stack.length - 1];
    const lastEntry = caller?.entries[caller.entries.length - 1];
    if (caller && lastEntry && step.depth > caller.depth) lastEntry.calls.push(run);
    else roots.push(run);
    stack.push(run);
  }
  return roots;
}

const COLUMN_WIDTH = 140;
const ROW_HEIGHT = 120;
const POOL_X = 40;
const POOL_LABEL = 30;
const LANE_LABEL = 30;
const POOL_GAP = 40;
const COLLAPSED_HEIGHT = 60;
const SIZE: Record<NodeType, { width: number; height: number }> = {
  task: { width: 100, height: 80 },
  callActivity: { width: 100, height: 80 },
  startEvent: { width: 36, height: 36 },
  endEvent: { width: 36, height: 36 },
  intermediateThrowEvent: { width: 36, height: 36 },
  intermediateCatchEvent: { width: 36, height: 36 },
  exclusiveGateway: { width: 50, height: 50 },
};

export function bpmnXml(snapshot: OrganisationSnapshot, selection: BpmnSelection): string {
  const index = indexSnapshot(snapshot);
  const processName = (key: ProcessKey) => index.processes.get(key)?.name ?? key;
  const roleOrder = new Map(snapshot.roles.map((role, position) => [role.id, position]));

  // ---- the path and what the export is called
  let steps: PathStep[];
  let followForks: boolean;
  let title: string;
  let trigger: CallType;
  let withLanes = false;
  let startProcess: ProcessKey;
  const activityStep = (activityId: string, process: ProcessKey, depth: number): PathStep => {
    const activity = index.activities.get(activityId);
    return {
      process,
      depth,
      activityId,
      name: activity?.name ?? '',
      documentation: activity?.description ?? '',
      laneRole: null,
    };
  };
  if (selection.kind === 'PROCESS') {
    const process = index.processes.get(selection.process);
    if (!process) throw new NotFoundError('Process', selection.process);
    steps = process.activities.map((activity) => activityStep(activity.id, process.key, 0));
    followForks = false;
    title = `Process ${process.name}`;
    trigger = CALL_TYPE_ENTERING[process.key];
    startProcess = process.key;
  } else if (selection.kind === 'WORKFLOW') {
    const workflow = index.workflows.get(selection.workflowNumber);
    if (!workflow) throw new NotFoundError('Workflow', String(selection.workflowNumber));
    steps = workflow.steps.map((step) => activityStep(step.activityId, step.process, step.depth));
    followForks = true;
    title = `Workflow ${workflow.number}: ${workflow.name}`;
    trigger = workflow.trigger;
    startProcess = workflow.startProcess;
  } else {
    const procedure = snapshot.procedures.find((candidate) => candidate.id === selection.procedureId);
    if (!procedure) throw new NotFoundError('Procedure', selection.procedureId);
    withLanes = true;
    steps = procedure.steps
      .filter((step) => !step.obsolete)
      .map((step) => {
        const responsible = step.responsibilities
          .filter((r) => r.letters.includes('R') && index.roles.has(r.roleId))
          .sort((a, b) => roleOrder.get(a.roleId)! - roleOrder.get(b.roleId)!)[0];
        const who = step.responsibilities
          .map((r) => `${index.roles.get(r.roleId)?.name ?? 'Unknown role'}: ${r.letters}`)
          .join('; ');
        const description = index.activities.get(step.activityId)?.description ?? '';
        return {
          process: step.process,
          depth: step.depth,
          activityId: step.activityId,
          name: step.name,
          documentation: [description, who ? `Responsibilities: ${who}.` : ''].filter(Boolean).join('\n'),
          laneRole: responsible?.roleId ?? null,
        };
      });
    followForks = procedure.source.kind === 'WORKFLOW';
    title = `Procedure ${procedure.name}`;
    const sourceWorkflow =
      procedure.source.kind === 'WORKFLOW' ? index.workflows.get(procedure.source.workflowNumber) : undefined;
    startProcess =
      procedure.source.kind === 'PROCESS'
        ? procedure.source.process
        : (sourceWorkflow?.startProcess ?? steps[0]?.process ?? 'AGREE');
    trigger = sourceWorkflow?.trigger ?? CALL_TYPE_ENTERING[startProcess];
  }

  // ---- building the graph
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

  // ---- layout
  const columns = Math.max(column, 1);
  const contentX = POOL_X + POOL_LABEL + (withLanes ? LANE_LABEL : 0) + 20;
  const poolWidth = contentX - POOL_X + columns * COLUMN_WIDTH + 20;
  const centreX = (n: FlowNode) => contentX + n.column * COLUMN_WIDTH + COLUMN_WIDTH / 2 - 20;
  const poolList = [...pools.values()];
  const laneTops = new Map<Pool, { top: number; height: number }[]>();
  const poolBounds = new Map<string, { y: number; height: number }>();
  let y = 40;
  for (const pool of poolList) {
    const laneCount = Math.max(pool.lanes.length, 1);
    const lanes: { top: number; height: number }[] = [];
    let top = y;
    for (let lane = 0; lane < laneCount; lane += 1) {
      const rows = Math.max(1, ...pool.nodes.filter((n) => n.lane === lane).map((n) => n.row + 1));
      lanes.push({ top, height: rows * ROW_HEIGHT });
      top += rows * ROW_HEIGHT;
    }
    laneTops.set(pool, lanes);
    poolBounds.set(pool.participantId, { y, height: top - y });
    y = top + POOL_GAP;
  }
  for (const participant of collapsed.values()) {
    poolBounds.set(participant, { y, height: COLLAPSED_HEIGHT });
    y += COLLAPSED_HEIGHT + POOL_GAP;
  }
  const bounds = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const pool of poolList) {
    const lanes = laneTops.get(pool)!;
    for (const n of pool.nodes) {
      const size = SIZE[n.type];
      const lane = lanes[n.lane]!;
      const cy = lane.top + n.row * ROW_HEIGHT + ROW_HEIGHT / 2;
      bounds.set(n.id, {
        x: centreX(n) - size.width / 2,
        y: cy - size.height / 2,
        width: size.width,
        height: size.height,
      });
    }
  }

  // ---- XML
  const e = escapeXml;
  const out: string[] = [];
  const add = (text: string) => out.push(text);
  add('<?xml version="1.0" encoding="UTF-8"?>');
  add(
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_1" targetNamespace="urn:usm-studio:bpmn" exporter="USM Studio" exporterVersion="1.0">',
  );
  for (const [id, name] of [...messages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    add(`  <bpmn:message id="${id}" name="${e(name)}" />`);
  }
  add(`  <bpmn:collaboration id="Collaboration_1" name="${e(`${title} (${snapshot.name})`)}">`);
  for (const pool of poolList) {
    add(
      `    <bpmn:participant id="${pool.participantId}" name="${e(pool.name)}" processRef="${pool.processId}" />`,
    );
  }
  for (const [key, participant] of collapsed) {
    add(`    <bpmn:participant id="${participant}" name="${e(`${processName(key)} (new call)`)}" />`);
  }
  for (const flow of messageFlows) {
    const target = 'participant' in flow.target ? flow.target.participant : flow.target.id;
    add(
      `    <bpmn:messageFlow id="${flow.id}" name="${e(flow.name)}" sourceRef="${flow.source.id}" targetRef="${target}" messageRef="${flow.messageRef}" />`,
    );
  }
  add('  </bpmn:collaboration>');
  for (const pool of poolList) {
    add(`  <bpmn:process id="${pool.processId}" name="${e(pool.name)}" isExecutable="false">`);
    if (pool.lanes.length > 0) {
      add(`    <bpmn:laneSet id="LaneSet_${pool.key}">`);
      pool.lanes.forEach((lane, at) => {
        add(`      <bpmn:lane id="${lane.id}" name="${e(lane.name)}">`);
        for (const n of pool.nodes.filter((candidate) => candidate.lane === at)) {
          add(`        <bpmn:flowNodeRef>${n.id}</bpmn:flowNodeRef>`);
        }
        add('      </bpmn:lane>');
      });
      add('    </bpmn:laneSet>');
    }
    for (const n of pool.nodes) {
      const called = n.calledElement ? ` calledElement="${n.calledElement}"` : '';
      add(`    <bpmn:${n.type} id="${n.id}"${n.name ? ` name="${e(n.name)}"` : ''}${called}>`);
      if (n.documentation) add(`      <bpmn:documentation>${e(n.documentation)}</bpmn:documentation>`);
      for (const flow of n.incoming) add(`      <bpmn:incoming>${flow}</bpmn:incoming>`);
      for (const flow of n.outgoing) add(`      <bpmn:outgoing>${flow}</bpmn:outgoing>`);
      if (n.messageRef) {
        add(`      <bpmn:messageEventDefinition id="${n.id}_message" messageRef="${n.messageRef}" />`);
      }
      add(`    </bpmn:${n.type}>`);
    }
    for (const flow of pool.flows) {
      add(
        `    <bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.source.id}" targetRef="${flow.target.id}" />`,
      );
    }
    add('  </bpmn:process>');
  }

  add('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">');
  add('    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">');
  const shape = (element: string, b: { x: number; y: number; width: number; height: number }, extra = '') =>
    add(
      `      <bpmndi:BPMNShape id="${element}_di" bpmnElement="${element}"${extra}>\n        <dc:Bounds x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" />\n      </bpmndi:BPMNShape>`,
    );
  const edge = (element: string, points: [number, number][]) =>
    add(
      `      <bpmndi:BPMNEdge id="${element}_di" bpmnElement="${element}">\n${points
        .map(([px, py]) => `        <di:waypoint x="${px}" y="${py}" />`)
        .join('\n')}\n      </bpmndi:BPMNEdge>`,
    );
  for (const pool of poolList) {
    const pb = poolBounds.get(pool.participantId)!;
    shape(
      pool.participantId,
      { x: POOL_X, y: pb.y, width: poolWidth, height: pb.height },
      ' isHorizontal="true"',
    );
    const lanes = laneTops.get(pool)!;
    pool.lanes.forEach((lane, at) => {
      shape(
        lane.id,
        {
          x: POOL_X + POOL_LABEL,
          y: lanes[at]!.top,
          width: poolWidth - POOL_LABEL,
          height: lanes[at]!.height,
        },
        ' isHorizontal="true"',
      );
    });
    for (const n of pool.nodes) {
      shape(n.id, bounds.get(n.id)!, n.type === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '');
    }
    for (const flow of pool.flows) {
      const s = bounds.get(flow.source.id)!;
      const t = bounds.get(flow.target.id)!;
      const sx = s.x + s.width;
      const sy = s.y + s.height / 2;
      const tx = t.x;
      const ty = t.y + t.height / 2;
      const mid = Math.round((sx + tx) / 2);
      edge(
        flow.id,
        sy === ty
          ? [
              [sx, sy],
              [tx, ty],
            ]
          : [
              [sx, sy],
              [mid, sy],
              [mid, ty],
              [tx, ty],
            ],
      );
    }
  }
  for (const [, participant] of collapsed) {
    const pb = poolBounds.get(participant)!;
    shape(participant, { x: POOL_X, y: pb.y, width: poolWidth, height: pb.height }, ' isHorizontal="true"');
  }
  for (const flow of messageFlows) {
    const s = bounds.get(flow.source.id)!;
    const sx = s.x + s.width / 2;
    if ('participant' in flow.target) {
      const pb = poolBounds.get(flow.target.participant)!;
      edge(flow.id, [
        [sx, s.y + s.height],
        [sx, pb.y],
      ]);
      continue;
    }
    const t = bounds.get(flow.target.id)!;
    const tx = t.x + t.width / 2;
    const downwards = t.y > s.y;
    const sy = downwards ? s.y + s.height : s.y;
    const ty = downwards ? t.y : t.y + t.height;
    const mid = Math.round((sy + ty) / 2);
    edge(
      flow.id,
      sx === tx
        ? [
            [sx, sy],
            [tx, ty],
          ]
        : [
            [sx, sy],
            [sx, mid],
            [tx, mid],
            [tx, ty],
          ],
    );
  }
  add('    </bpmndi:BPMNPlane>');
  add('  </bpmndi:BPMNDiagram>');
  add('</bpmn:definitions>');
  return `${out.join('\n')}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\n/g, '&#10;')
  );
}
