export * from './digest';
export * from './email';
export * from './plan';
export * from './schedule';
