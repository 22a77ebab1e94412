export * from './warning-rules';
export * from './warning.events';
export * from './warning.commands';
export * from './warning.state';
export * from './warning.decider';
