import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', { description: 'An object with an opaque global id that `node(id)` can fetch.' })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

/** Builds a GraphQL object from plain values (the types are DTOs, never ORM entities). */
export function build<T extends object>(type: new () => T, values: T): T {
  return Object.assign(new type(), values);
}
