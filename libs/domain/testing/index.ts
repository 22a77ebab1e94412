export * from './decider-spec';
export * from './stream-decision-spec';
