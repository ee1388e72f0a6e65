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
import type { ProcessKey } from '../usm';
import { buildBpmnGraph } from './bpmn-graph';
import { layoutBpmn, POOL_LABEL, POOL_X } from './bpmn-layout';
import { bpmnPath, type BpmnSelection } from './bpmn-path';
import { indexSnapshot, type OrganisationSnapshot } from './snapshot';

export { pathRuns, type BpmnSelection } from './bpmn-path';

/** The XML of a selection: its path (bpmn-path.ts) as a graph (bpmn-graph.ts), laid out (bpmn-layout.ts). */
export function bpmnXml(snapshot: OrganisationSnapshot, selection: BpmnSelection): string {
  const index = indexSnapshot(snapshot);
  const processName = (key: ProcessKey) => index.processes.get(key)?.name ?? key;
  const roleOrder = new Map(snapshot.roles.map((role, position) => [role.id, position]));
  const path = bpmnPath(snapshot, index, roleOrder, selection);
  const { title } = path;
  const graph = buildBpmnGraph(index, path, roleOrder);
  const { pools, messages, collapsed, messageFlows } = graph;
  const { poolWidth, laneTops, poolBounds, bounds } = layoutBpmn(graph, path.withLanes);

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
  for (const pool of pools) {
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
  for (const pool of pools) {
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
  for (const pool of pools) {
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
