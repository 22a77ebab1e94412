export * from './rectification.events';
export * from './rectification.commands';
export * from './rectification.state';
export * from './rectification.decider';
