// District mode (pure): the registry of schools, the merge of a template into a school's sheet,
// the summary's rules and formulas, who may edit what.
export * from './registry';
export * from './merge';
export * from './summary';
export * from './protection';
export * from './capacity';
