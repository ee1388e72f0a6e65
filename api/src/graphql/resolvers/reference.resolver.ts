import { Query, Resolver } from 'type-graphql';
import { describeReferenceModel } from '../../domain/reference-description';
import { Access } from '../access-rules';
import { UsmReference } from '../types/reference';

@Resolver()
export class ReferenceResolver {
  @Access('PUBLIC')
  @Query(() => UsmReference, {
    description: 'The USM reference model: processes, steps, hand-overs, workflows, profiles.',
  })
  usmReference(): UsmReference {
    return describeReferenceModel();
  }
}
