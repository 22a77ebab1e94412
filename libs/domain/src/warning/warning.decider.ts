import { businessDate, type BusinessDate } from '../shared/business-date';
import { assertNever, type Decider } from '../shared/decider';
import { invariant, refuse } from '../shared/domain-error';
import { assertNoPersonalData } from '../shared/personal-data';
import { entityId, requiredText } from '../shared/reference-data';
import type { RaisedWarning, WarningCommand } from './warning.commands';
import type { WarningAcknowledged, WarningEvent, WarningResolved } from './warning.events';
import type { NotedWarning, WarningNoteState } from './warning.state';

/** The warning the command acts on, which must hold now: an id nobody raised, or one that no longer holds, is not found. */
function raisedWarning(warningId: string, raised: RaisedWarning | null): RaisedWarning {
  if (raised === null) return refuse('WARNING.NOT_FOUND', `no warning ${warningId} holds`, { warningId });
  invariant(raised.warningId === warningId, `looked up warning ${raised.warningId} for ${warningId}`);
  return raised;
}

function notResolved(state: WarningNoteState, warningId: string): void {
  if (state.status === 'resolved') refuse('WARNING.ALREADY_RESOLVED', `warning ${warningId} was resolved on ${state.resolvedOn}`, { warningId });
}

function noteOf(input: unknown): string {
  const note = requiredText(input, 'note');
  assertNoPersonalData({ note });
  return note;
}

/** The stream is a timeline: a resolution is not dated before the acknowledgement. */
function datedOn(state: WarningNoteState, input: unknown): BusinessDate {
  const on = businessDate(input, 'on');
  if (state.status !== 'none' && on < state.lastOn) refuse('WARNING.DATED_BACKWARDS', `on ${on} is before ${state.lastOn}`, { on, lastOn: state.lastOn });
  return on;
}

function decide(command: WarningCommand, state: WarningNoteState): WarningEvent[] {
  const warningId = entityId(command.data.warningId, 'warningId');
  const { rule, regionCode } = raisedWarning(warningId, command.data.raised);
  notResolved(state, warningId);
  switch (command.type) {
    case 'AcknowledgeWarning': {
      if (state.status === 'acknowledged') {
        refuse('WARNING.ALREADY_ACKNOWLEDGED', `warning ${warningId} was acknowledged on ${state.acknowledgedOn}`, { warningId });
      }
      const data = { warningId, rule, regionCode, note: noteOf(command.data.note), on: datedOn(state, command.data.on) };
      return [{ type: 'WarningAcknowledged', data } satisfies WarningAcknowledged];
    }
    case 'ResolveWarning': {
      const data = { warningId, rule, regionCode, note: noteOf(command.data.note), on: datedOn(state, command.data.on) };
      return [{ type: 'WarningResolved', data } satisfies WarningResolved];
    }
    default:
      return assertNever(command, 'warning command');
  }
}

function evolve(state: WarningNoteState, event: WarningEvent): WarningNoteState {
  const { warningId, rule, regionCode, on } = event.data;
  if (state.status !== 'none') {
    invariant(state.warningId === warningId && state.rule === rule, `${event.type} for ${warningId} on the stream of ${state.warningId}`);
    invariant(on >= state.lastOn, `${event.type} on ${warningId} dated ${on}, before ${state.lastOn}`);
  }
  const noted: NotedWarning =
    state.status === 'none' ? { status: 'acknowledged', warningId, rule, regionCode, acknowledgedOn: null, resolvedOn: null, lastOn: on } : state;
  switch (event.type) {
    case 'WarningAcknowledged':
      invariant(state.status === 'none', `warning ${warningId} acknowledged while ${state.status}`);
      return { ...noted, status: 'acknowledged', acknowledgedOn: on, lastOn: on };
    case 'WarningResolved':
      invariant(state.status !== 'resolved', `warning ${warningId} resolved twice`);
      return { ...noted, status: 'resolved', resolvedOn: on, lastOn: on };
    default:
      return assertNever(event, 'warning event');
  }
}

/**
 * The inspectors' notes on one warning (`warning-{warningId}`): acknowledge once, resolve once,
 * nothing after the resolution. Whether the warning exists comes in the command (`raised`), from
 * the warnings projection; a rectification item opened from the warning lives on its own stream.
 */
export const warningDecider: Decider<WarningCommand, WarningEvent, WarningNoteState> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};
