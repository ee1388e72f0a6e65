import { Query, Resolver } from 'type-graphql';
import { describeReferenceModel } from '../../domain/reference-description';
import { UsmReference } from '../types/reference';

@Resolver()
export class ReferenceResolver {
  @Query(() => UsmReference, {
    description: 'The USM reference model: processes, steps, hand-overs, workflows, profiles.',
  })
  usmReference(): UsmReference {
    return describeReferenceModel();
  }
}
