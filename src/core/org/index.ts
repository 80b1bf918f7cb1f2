export * from './layout';
export * from './parse';
