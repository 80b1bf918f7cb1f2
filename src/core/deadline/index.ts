// The Russian deadline engine: free-text сроки → periods, status, plan period.
export { parseDeadline } from './parse';
export { deadlineStatus, relevantPeriod } from './status';
export { inferPlanPeriod } from './plan-period';
