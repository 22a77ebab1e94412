export * from './notice.events';
export * from './notice.commands';
export * from './notice.state';
export * from './notice.decider';
