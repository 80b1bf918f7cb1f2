export * from './layout';
export * from './parse';
export * from './sheet';
