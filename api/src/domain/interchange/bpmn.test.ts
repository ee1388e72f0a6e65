import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { PROCESS_KEYS } from '../usm';
import { bpmnXml, pathRuns, type BpmnSelection } from './bpmn';
import { HOSTILE, referenceSnapshot, roleIdOf } from './test-fixtures';

const snapshot = referenceSnapshot();

async function parse(xml: string) {
  const result = await new BpmnModdle().fromXML(xml);
  const byType = (type: string) =>
    Object.values(result.elementsById).filter((element) => element.$type === type);
  return { ...result, byType };
}

/** Every flow node has a shape, every flow an edge with waypoints, every participant and lane a shape. */
function expectCompleteDiagram(parsed: Awaited<ReturnType<typeof parse>>) {
  const shapes = new Set(
    parsed.byType('bpmndi:BPMNShape').map((shape) => (shape.bpmnElement as { id: string }).id),
  );
  const edges = parsed.byType('bpmndi:BPMNEdge');
  const edged = new Set(edges.map((edge) => (edge.bpmnElement as { id: string }).id));
  const flowNodeTypes = [
    'bpmn:StartEvent',
    'bpmn:EndEvent',
    'bpmn:Task',
    'bpmn:CallActivity',
    'bpmn:IntermediateThrowEvent',
    'bpmn:IntermediateCatchEvent',
    'bpmn:ExclusiveGateway',
  ];
  for (const type of [...flowNodeTypes, 'bpmn:Participant', 'bpmn:Lane']) {
    for (const element of parsed.byType(type))
      expect(shapes.has(element.id!), `${element.id} has a shape`).toBe(true);
  }
  for (const type of ['bpmn:SequenceFlow', 'bpmn:MessageFlow']) {
    for (const element of parsed.byType(type))
      expect(edged.has(element.id!), `${element.id} has an edge`).toBe(true);
  }
  for (const edge of edges) expect((edge.waypoint as unknown[]).length).toBeGreaterThanOrEqual(2);
  for (const shape of parsed.byType('bpmndi:BPMNShape')) {
    const bounds = shape.bounds as { x: number; y: number; width: number; height: number };
    expect(bounds.width).toBeGreaterThan(0);
    expect(bounds.height).toBeGreaterThan(0);
  }
  // Laid out left to right: every sequence flow goes from a node to one further right.
  const boundsOf = new Map(
    parsed
      .byType('bpmndi:BPMNShape')
      .map((shape) => [(shape.bpmnElement as { id: string }).id, shape.bounds as { x: number }]),
  );
  for (const flow of parsed.byType('bpmn:SequenceFlow')) {
    const source = (flow.sourceRef as { id: string }).id;
    const target = (flow.targetRef as { id: string }).id;
    expect(boundsOf.get(target)!.x, `${source} → ${target}`).toBeGreaterThan(boundsOf.get(source)!.x);
  }
}

const names = (elements: { name?: string }[]) => elements.map((element) => element.name);

describe('BPMN export', () => {
  it.each(PROCESS_KEYS)(
    'process %s: parses with no warnings, a task per activity, call activities for forks',
    async (key) => {
      const xml = bpmnXml(snapshot, { kind: 'PROCESS', process: key });
      const parsed = await parse(xml);
      expect(parsed.warnings).toEqual([]);
      const process = snapshot.processes.find((candidate) => candidate.key === key)!;
      expect(names(parsed.byType('bpmn:Task'))).toEqual(process.activities.map((activity) => activity.name));
      const forks = process.activities.flatMap((activity) =>
        activity.handovers.filter((h) => h.kind === 'FORK'),
      );
      const calls = parsed.byType('bpmn:CallActivity');
      expect(calls.map((call) => call.calledElement)).toEqual(forks.map((fork) => `Process_${fork.target}`));
      const spawns = process.activities.flatMap((activity) =>
        activity.handovers.filter((h) => h.kind === 'SPAWN'),
      );
      expect(parsed.byType('bpmn:MessageFlow')).toHaveLength(spawns.length);
      expect(parsed.byType('bpmn:Participant').length).toBe(
        1 + new Set(spawns.map((spawn) => spawn.target)).size,
      );
      expect(parsed.byType('bpmn:Lane')).toHaveLength(0);
      expect(parsed.byType('bpmn:StartEvent')).toHaveLength(1);
      expect(parsed.byType('bpmn:EndEvent')).toHaveLength(1);
      expectCompleteDiagram(parsed);
    },
  );

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'workflow %i: parses with no warnings, a pool per process, message flows for forks',
    async (number) => {
      const workflow = snapshot.workflows.find((candidate) => candidate.number === number)!;
      const parsed = await parse(bpmnXml(snapshot, { kind: 'WORKFLOW', workflowNumber: number }));
      expect(parsed.warnings).toEqual([]);
      const activityName = new Map(
        snapshot.processes.flatMap((p) => p.activities.map((a) => [a.id, a.name])),
      );
      // Tasks in document order are the steps in path order (each pool lists its tasks in path order).
      const tasks = parsed.byType('bpmn:Task');
      expect(tasks).toHaveLength(workflow.steps.length);
      expect(names(tasks).sort()).toEqual(
        workflow.steps.map((step) => activityName.get(step.activityId)).sort(),
      );
      const processes = [...new Set(workflow.steps.map((step) => step.process))];
      const expanded = parsed.byType('bpmn:Participant').filter((participant) => participant.processRef);
      expect(expanded.map((participant) => participant.id)).toEqual(
        processes.map((key) => `Participant_${key}`),
      );
      // Each fork followed: a call and a "fulfilled" message flow, a throw and a catch event in the caller.
      const forksFollowed = workflow.steps.filter(
        (step, index) => index > 0 && step.depth > workflow.steps[index - 1]!.depth,
      ).length;
      expect(forksFollowed).toBe(processes.length - 1);
      const catches = parsed.byType('bpmn:IntermediateCatchEvent');
      expect(catches).toHaveLength(forksFollowed);
      const messageFlows = parsed.byType('bpmn:MessageFlow');
      const spawnFlows = messageFlows.filter(
        (flow) => (flow.targetRef as { $type: string }).$type === 'bpmn:Participant',
      );
      expect(messageFlows.length - spawnFlows.length).toBe(2 * forksFollowed);
      expect(parsed.byType('bpmn:StartEvent')).toHaveLength(processes.length);
      expect(parsed.byType('bpmn:CallActivity')).toHaveLength(0);
      expectCompleteDiagram(parsed);
    },
  );

  it('workflow 3 calls Change from Recover and Operate from Change, then resumes', async () => {
    const parsed = await parse(bpmnXml(snapshot, { kind: 'WORKFLOW', workflowNumber: 3 }));
    const flows = parsed
      .byType('bpmn:MessageFlow')
      .map(
        (flow) =>
          `${(flow.sourceRef as { name: string }).name} → ${(flow.targetRef as { name: string }).name}`,
      );
    expect(flows).toContain('Call Change → Change called');
    expect(flows).toContain('Call Operate → Operate called');
    expect(flows).toContain('Operate fulfilled → Operate fulfilled');
    expect(flows).toContain('Change fulfilled → Change fulfilled');
    expect(flows).toContain('Raise incident → Recover (new call)');
  });

  it('a procedure: lanes are the Responsible roles, a task per live step, Unassigned for the rest', async () => {
    const procedure = snapshot.procedures.find((candidate) => candidate.id === 'proc-w3')!;
    // Take the Responsible letter away from the first two steps' operator.
    const edited = structuredClone(snapshot);
    const steps = edited.procedures.find((candidate) => candidate.id === 'proc-w3')!.steps;
    steps[1]!.responsibilities = steps[1]!.responsibilities.filter((r) => r.roleId !== roleIdOf('Operator'));
    const parsed = await parse(bpmnXml(edited, { kind: 'PROCEDURE', procedureId: procedure.id }));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.byType('bpmn:Task')).toHaveLength(procedure.steps.length);
    const lanes = parsed.byType('bpmn:Lane');
    const recoverLanes = lanes.filter(
      (lane) =>
        ((lane.flowNodeRef as { id: string }[]) ?? []).some((node) => parsed.elementsById[node.id]) &&
        (parsed.elementsById['Process_RECOVER']!.laneSets as { lanes: { id: string }[] }[])[0]!.lanes.some(
          (l) => l.id === lane.id,
        ),
    );
    // Step 1: Operator R and coordinator RA → Operator; step 2: coordinator A only → Unassigned.
    expect(names(recoverLanes)).toEqual(['Operator', 'Unassigned']);
    expect(new Set(names(lanes))).toEqual(new Set(['Operator', 'Unassigned']));
    // Every flow node sits in exactly one lane.
    const inLanes = lanes.flatMap((lane) => (lane.flowNodeRef as { id: string }[]).map((node) => node.id));
    expect(new Set(inLanes).size).toBe(inLanes.length);
    const flowNodes = Object.values(parsed.elementsById).filter((element) =>
      /^bpmn:(StartEvent|EndEvent|Task|CallActivity|Intermediate\w+Event|ExclusiveGateway)$/.test(
        element.$type,
      ),
    );
    expect(inLanes.length).toBe(flowNodes.length);
    expectCompleteDiagram(parsed);
  });

  it('a procedure of a process: call activities for its forks, obsolete steps left out', async () => {
    const procedure = snapshot.procedures.find((candidate) => candidate.id === 'proc-operate')!;
    const parsed = await parse(bpmnXml(snapshot, { kind: 'PROCEDURE', procedureId: procedure.id }));
    expect(parsed.warnings).toEqual([]);
    expect(names(parsed.byType('bpmn:Task'))).toEqual(
      procedure.steps.filter((step) => !step.obsolete).map((step) => step.name),
    );
    expect(names(parsed.byType('bpmn:Lane'))).toEqual(['Operator']);
    expectCompleteDiagram(parsed);

    const recover = await parse(bpmnXml(snapshot, { kind: 'PROCESS', process: 'RECOVER' }));
    expect(recover.byType('bpmn:ExclusiveGateway')).toHaveLength(2);
    expect(names(recover.byType('bpmn:CallActivity'))).toEqual(['Change', 'Operate']);
  });

  it('escapes hostile names, is deterministic, and uses NCName ids', async () => {
    const hostile = referenceSnapshot({ hostile: true });
    const selections: BpmnSelection[] = [
      { kind: 'PROCESS', process: 'AGREE' },
      { kind: 'WORKFLOW', workflowNumber: 6 },
      { kind: 'PROCEDURE', procedureId: 'proc-w3' },
    ];
    for (const selection of selections) {
      const xml = bpmnXml(hostile, selection);
      expect(xml).toBe(bpmnXml(referenceSnapshot({ hostile: true }), selection));
      expect(xml).not.toContain('<script>');
      const parsed = await parse(xml);
      expect(parsed.warnings).toEqual([]);
      for (const id of Object.keys(parsed.elementsById)) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
      const collaboration = Object.values(parsed.elementsById).find(
        (element) => element.$type === 'bpmn:Collaboration',
      )!;
      expect(collaboration.name).toContain(HOSTILE);
    }
  });

  it('the check has teeth: a dangling reference is a warning', async () => {
    const xml = bpmnXml(snapshot, { kind: 'PROCESS', process: 'OPERATE' }).replace(
      'targetRef="Task_1"',
      'targetRef="Task_999"',
    );
    expect((await parse(xml)).warnings.length).toBeGreaterThan(0);
  });

  it('refuses an unknown process, workflow or procedure', () => {
    expect(() => bpmnXml(snapshot, { kind: 'WORKFLOW', workflowNumber: 9 })).toThrow(/No Workflow/);
    expect(() => bpmnXml(snapshot, { kind: 'PROCEDURE', procedureId: 'nope' })).toThrow(/No Procedure/);
  });
});

describe('pathRuns', () => {
  it('nests the runs of workflow 3 and keeps sibling calls apart', () => {
    const workflow = snapshot.workflows.find((candidate) => candidate.number === 3)!;
    const [root] = pathRuns(workflow.steps);
    expect(root!.process).toBe('RECOVER');
    expect(root!.entries).toHaveLength(7);
    const change = root!.entries[4]!.calls[0]!;
    expect(change.process).toBe('CHANGE');
    expect(change.entries).toHaveLength(9);
    expect(change.entries[5]!.calls[0]!.process).toBe('OPERATE');

    const siblings = pathRuns([
      { process: 'RECOVER', depth: 0 },
      { process: 'CHANGE', depth: 1 },
      { process: 'OPERATE', depth: 2 },
      { process: 'OPERATE', depth: 1 },
      { process: 'RECOVER', depth: 0 },
    ]);
    expect(siblings).toHaveLength(1);
    expect(siblings[0]!.entries[0]!.calls.map((run) => run.process)).toEqual(['CHANGE', 'OPERATE']);
    expect(siblings[0]!.entries).toHaveLength(2);
  });
});
