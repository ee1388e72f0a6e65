export * from './add-member';
export * from './members';
export * from './remove-member';
export * from './update-member';
export type * from './gateway';
