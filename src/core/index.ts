// The public core API: pure TypeScript, no Apps Script, no I/O.
export * from './types';
export * from './order';
export { parseDeadline, deadlineStatus, relevantPeriod, inferPlanPeriod } from './deadline';
export * from './roadmap';
export * from './org';
export * from './district';
export * from './order/journal';
export { roadmapForOrder, roadmapSections, resultIsOrder, isDoneStatus, toOrderRow, type RoadmapForOrder } from './order/roadmap-source';
