export * from './shared/money';
export * from './shared/domain-error';
export * from './shared/error-codes';
export * from './shared/decider';
