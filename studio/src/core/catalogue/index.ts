export * from './catalogue';
export * from './create-entry';
export * from './delete-entry';
export * from './update-entry';
export type * from './gateway';
