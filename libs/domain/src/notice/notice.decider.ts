import { assertNever, type Decider } from '../shared/decider';
import { invariant, refuse } from '../shared/domain-error';
import { businessDate } from '../shared/business-date';
import { entityId, requiredText } from '../shared/reference-data';
import { assertNoPersonalData } from '../shared/personal-data';
import { RegionCode, regionCodeEdition } from '../shared/region-code';
import type { NoticeCommand, PublishNotice, WithdrawNotice } from './notice.commands';
import {
  noticeChannels,
  noticeLevels,
  type NoticeChannel,
  type NoticeEvent,
  type NoticeLevel,
  type NoticePublished,
  type NoticeWithdrawn,
} from './notice.events';
import type { NoticeState, PublishedNotice } from './notice.state';
import { noticeSubject } from './notice.subject';

function noticeLevel(input: unknown): NoticeLevel {
  if (!noticeLevels.includes(input as NoticeLevel)) {
    refuse('NOTICE.LEVEL_UNKNOWN', `unknown notice level: ${String(input)}`, { value: input });
  }
  return input as NoticeLevel;
}

function noticeChannel(input: unknown): NoticeChannel {
  if (!noticeChannels.includes(input as NoticeChannel)) {
    refuse('NOTICE.CHANNEL_UNKNOWN', `unknown notice channel: ${String(input)}`, { value: input });
  }
  return input as NoticeChannel;
}

function publish(command: PublishNotice, state: NoticeState): NoticePublished[] {
  const { data } = command;
  const noticeId = entityId(data.noticeId, 'noticeId');
  if (state.status !== 'none') refuse('NOTICE.ALREADY_EXISTS', `notice ${noticeId} already exists`, { noticeId });
  const level = noticeLevel(data.level);
  const region = RegionCode.of(data.regionCode);
  if (region.level !== level) {
    refuse('NOTICE.LEVEL_MISMATCH', `a ${level} notice cannot be published for the ${region.level} ${region.toString()}`, {
      level,
      regionLevel: region.level,
    });
  }
  const publishedOn = businessDate(data.publishedOn, 'publishedOn');
  const postedUntil = businessDate(data.postedUntil, 'postedUntil');
  if (postedUntil < publishedOn) {
    refuse('NOTICE.PERIOD_INVALID', `postedUntil ${postedUntil} is before publishedOn ${publishedOn}`, { publishedOn, postedUntil });
  }
  const subject = noticeSubject(data.subject, region);
  const channel = noticeChannel(data.channel);
  const regionCode = region.toString();
  return [{ type: 'NoticePublished', data: { noticeId, level, regionCode, subject, channel, publishedOn, postedUntil, regionCodeEdition } }];
}

function withdraw(command: WithdrawNotice, state: NoticeState): NoticeWithdrawn[] {
  const { data } = command;
  if (state.status === 'none') return refuse('NOTICE.NOT_FOUND', `notice ${String(data.noticeId)} does not exist`, { noticeId: data.noticeId });
  if (state.status === 'withdrawn') refuse('NOTICE.ALREADY_WITHDRAWN', `notice ${state.noticeId} is already withdrawn`, { noticeId: state.noticeId });
  const on = businessDate(data.on, 'on');
  if (on < state.publishedOn) {
    refuse('NOTICE.PERIOD_INVALID', `withdrawn on ${on}, before it was published on ${state.publishedOn}`, { on, publishedOn: state.publishedOn });
  }
  const reason = requiredText(data.reason, 'reason');
  assertNoPersonalData({ reason });
  return [{ type: 'NoticeWithdrawn', data: { noticeId: state.noticeId, on, reason } }];
}

function evolve(state: NoticeState, event: NoticeEvent): NoticeState {
  switch (event.type) {
    case 'NoticePublished': {
      invariant(state.status === 'none', `notice ${event.data.noticeId} published twice`);
      const { regionCodeEdition: _edition, ...notice } = event.data;
      return { status: 'published', ...notice, withdrawnOn: null };
    }
    case 'NoticeWithdrawn':
      invariant(state.status === 'published', `notice ${event.data.noticeId} withdrawn while ${state.status}`);
      return { ...(state as PublishedNotice), status: 'withdrawn', withdrawnOn: event.data.on };
    default:
      return assertNever(event, 'notice event');
  }
}

/** A notice (公告公示) as a fact of the ledger, stream `notice-{noticeId}`. */
export const noticeDecider: Decider<NoticeCommand, NoticeEvent, NoticeState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'PublishNotice':
        return publish(command, state);
      case 'WithdrawNotice':
        return withdraw(command, state);
      default:
        return assertNever(command, 'notice command');
    }
  },
  evolve,
};
