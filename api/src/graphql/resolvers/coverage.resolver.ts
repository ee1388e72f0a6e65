import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { COVERAGE_NOTE, coverageReport } from '../../domain/coverage';
import { frameworkItem, ISO_20000_CLAUSES, ITIL_PRACTICES, type Framework } from '../../domain/frameworks';
import { coverageMappingsOf, mapCoverage, unmapCoverage } from '../../services/coverage';
import { Access } from '../access-rules';
import type { RequestContext } from '../context';
import { storedIdOf } from '../global-id';
import { activityNode, coverageMappingNode, workflowNode } from '../mappers';
import {
  CoverageMappingNode,
  CoverageReportView,
  FrameworkEnum,
  FrameworkItemView,
  MapCoverageInput,
} from '../types/coverage';
import { DeleteInput } from '../types/inputs';
import { ActivityNode, OrganisationNode } from '../types/model';
import { build } from '../types/node';
import { UsmReference } from '../types/reference';
import { WorkflowNode } from '../types/workflow';

/** ITIL 4 / ISO/IEC 20000-1 coverage: reference lists, users' mappings and the report built from them. */
@Resolver(() => CoverageMappingNode)
export class CoverageResolver {
  @Access('ORGANISATION')
  @Mutation(() => CoverageMappingNode, {
    description:
      'Records that an activity or a workflow covers a framework item, with its source or rationale.',
  })
  async mapCoverage(
    @Arg('input', () => MapCoverageInput) input: MapCoverageInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const organisationId = storedIdOf(input.organisationId, 'Organisation', 'input.organisationId');
    await access.requireOn('Organisation', organisationId, 'WRITE');
    return coverageMappingNode(
      await mapCoverage(em, {
        organisationId,
        framework: input.framework,
        itemKey: input.itemKey,
        activityId: input.activityId ? storedIdOf(input.activityId, 'Activity', 'input.activityId') : null,
        workflowId: input.workflowId ? storedIdOf(input.workflowId, 'Workflow', 'input.workflowId') : null,
        rationale: input.rationale,
      }),
    );
  }

  @Access('ORGANISATION')
  @Mutation(() => Boolean, { description: 'Removes a coverage mapping.' })
  async unmapCoverage(
    @Arg('input', () => DeleteInput) input: DeleteInput,
    @Ctx() { em, access }: RequestContext,
  ) {
    const id = storedIdOf(input.id, 'CoverageMapping', 'input.id');
    await access.requireOn('CoverageMapping', id, 'WRITE');
    return unmapCoverage(em, { id, version: input.version });
  }

  @FieldResolver(() => FrameworkItemView)
  item(@Root() mapping: CoverageMappingNode): FrameworkItemView {
    return build(FrameworkItemView, frameworkItem(mapping.framework, mapping.itemKey)!);
  }

  @FieldResolver(() => ActivityNode, {
    nullable: true,
    description: 'The activity mapped (deleted ones included, marked deleted: they cover nothing).',
  })
  async activity(@Root() mapping: CoverageMappingNode, @Ctx() { loaders }: RequestContext) {
    if (!mapping.activityStoredId) return null;
    return activityNode((await loaders.activity.load(mapping.activityStoredId))!);
  }

  @FieldResolver(() => WorkflowNode, { nullable: true })
  async workflow(@Root() mapping: CoverageMappingNode, @Ctx() { loaders }: RequestContext) {
    if (!mapping.workflowStoredId) return null;
    return workflowNode((await loaders.workflow.load(mapping.workflowStoredId))!);
  }
}

@Resolver(() => OrganisationNode)
export class OrganisationCoverageResolver {
  @FieldResolver(() => [CoverageMappingNode], { description: 'Every coverage mapping, by item.' })
  async coverageMappings(@Root() organisation: OrganisationNode, @Ctx() { loaders }: RequestContext) {
    return (await loaders.coverageMappingsOfOrganisation.load(organisation.storedId)).map(
      coverageMappingNode,
    );
  }

  @FieldResolver(() => CoverageReportView, {
    description: 'Which items of a framework the mappings cover, by what, and which they do not.',
  })
  async coverage(
    @Root() organisation: OrganisationNode,
    @Arg('framework', () => FrameworkEnum) framework: Framework,
    @Ctx() { em }: RequestContext,
  ): Promise<CoverageReportView> {
    const mappings = await coverageMappingsOf(em, organisation.storedId, framework);
    const facts = mappings.map((mapping) => ({
      id: mapping.id,
      itemKey: mapping.itemKey,
      live: mapping.workflow != null || (mapping.activity != null && mapping.activity.deletedAt == null),
      node: coverageMappingNode(mapping),
    }));
    const report = coverageReport(framework, facts);
    return build(CoverageReportView, {
      framework,
      coveredCount: report.coveredCount,
      totalCount: report.totalCount,
      note: COVERAGE_NOTE,
      lines: report.lines.map((line) => ({
        item: build(FrameworkItemView, line.item),
        covered: line.covered,
        mappings: line.mappings.map((mapping) => mapping.node),
      })),
    });
  }
}

@Resolver(() => UsmReference)
export class FrameworkReferenceResolver {
  @FieldResolver(() => [FrameworkItemView], { description: 'The 34 ITIL 4 management practices.' })
  itilPractices(): FrameworkItemView[] {
    return ITIL_PRACTICES.map((item) => build(FrameworkItemView, item));
  }

  @FieldResolver(() => [FrameworkItemView], {
    description: 'ISO/IEC 20000-1:2018 clauses: clause 8 (operation) in detail, 4–7, 9 and 10 whole.',
  })
  iso20000Clauses(): FrameworkItemView[] {
    return ISO_20000_CLAUSES.map((item) => build(FrameworkItemView, item));
  }
}
