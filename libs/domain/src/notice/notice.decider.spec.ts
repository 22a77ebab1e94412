import { deciderSpec, expectDomainError } from '../../testing';
import { fold } from '../shared/decider';
import { InvariantViolation } from '../shared/domain-error';
import type { PublishNotice, WithdrawNotice } from './notice.commands';
import { noticeDecider } from './notice.decider';
import type { NoticeEvent, NoticePublished } from './notice.events';
import { noticePostedDays, type PublishedNotice } from './notice.state';

const spec = deciderSpec(noticeDecider);
const village = '513336101201';

function publish(overrides: Partial<PublishNotice['data']> = {}): PublishNotice {
  return {
    type: 'PublishNotice',
    data: {
      noticeId: 'n-1',
      level: 'village',
      regionCode: village,
      subject: { kind: 'project', projectId: 'p-1' },
      channel: 'board',
      publishedOn: '2021-05-01',
      postedUntil: '2021-05-10',
      ...overrides,
    },
  };
}

function published(overrides: Partial<NoticePublished['data']> = {}): NoticePublished {
  const { data } = publish();
  return { type: 'NoticePublished', data: { ...data, regionCodeEdition: '2023', ...overrides } };
}

function withdraw(overrides: Partial<WithdrawNotice['data']> = {}): WithdrawNotice {
  return { type: 'WithdrawNotice', data: { noticeId: 'n-1', on: '2021-05-03', reason: '补助标准有误，更正后重新公示', ...overrides } };
}

function withdrawn(on = '2021-05-03'): NoticeEvent {
  return { type: 'NoticeWithdrawn', data: { noticeId: 'n-1', on, reason: '补助标准有误，更正后重新公示' } };
}

function postedDays(...events: NoticeEvent[]): number {
  return noticePostedDays(fold(noticeDecider, events) as PublishedNotice);
}

describe('publishing a notice', () => {
  it('records a village board notice with the code edition it used', () => {
    spec.given().when(publish()).then(published());
  });

  it('records a county web notice by its 6-digit code, however the code was written', () => {
    const subject = { kind: 'allocations', county: '513336', fiscalYear: 2021 } as const;
    spec
      .given()
      .when(publish({ level: 'county', regionCode: '513336000000', channel: 'web', subject }))
      .then(published({ level: 'county', regionCode: '513336', channel: 'web', subject }));
  });

  it('keeps a township code as 12 digits', () => {
    spec
      .given()
      .when(publish({ level: 'township', regionCode: '513336101' }))
      .then(published({ level: 'township', regionCode: '513336101000' }));
  });

  it.each([
    ['county', village],
    ['village', '513336'],
    ['township', '513336101201'],
  ] as const)('refuses a %s notice for %s as NOTICE.LEVEL_MISMATCH', (level, regionCode) => {
    spec.given().when(publish({ level, regionCode })).thenThrows('NOTICE.LEVEL_MISMATCH');
  });

  it('refuses a posting that ends before it starts, and accepts a one-day posting', () => {
    spec.given().when(publish({ postedUntil: '2021-04-30' })).thenThrows('NOTICE.PERIOD_INVALID');
    spec.given().when(publish({ postedUntil: '2021-05-01' })).then(published({ postedUntil: '2021-05-01' }));
  });

  it('does not refuse a board posting shorter than the local minimum: that is a warning', () => {
    spec.given().when(publish({ postedUntil: '2021-05-03' })).then(published({ postedUntil: '2021-05-03' }));
  });

  it('discloses micro-credit and beneficiary lists', () => {
    const credit = { kind: 'micro_credit', county: '513336', fiscalYear: 2020 } as const;
    spec.given().when(publish({ subject: credit })).then(published({ subject: credit }));
    const households = { kind: 'beneficiaries', projectId: 'p-9' } as const;
    spec.given().when(publish({ subject: households })).then(published({ subject: households }));
  });

  it('keeps only the known fields of the subject', () => {
    const subject = { kind: 'project', projectId: 'p-1', note: '张三 13912345678' } as unknown as PublishNotice['data']['subject'];
    spec.given().when(publish({ subject })).then(published());
  });

  it("refuses to disclose another county's allocations", () => {
    const subject = { kind: 'allocations', county: '513335', fiscalYear: 2021 } as const;
    spec.given().when(publish({ subject })).thenThrows('NOTICE.SUBJECT_OUTSIDE_REGION');
  });

  it.each([
    ['level', { level: 'province' }, 'NOTICE.LEVEL_UNKNOWN'],
    ['channel', { channel: 'radio' }, 'NOTICE.CHANNEL_UNKNOWN'],
    ['subject kind', { subject: { kind: 'assets' } }, 'NOTICE.SUBJECT_UNKNOWN'],
    ['missing subject', { subject: undefined }, 'NOTICE.SUBJECT_UNKNOWN'],
    ['subject year', { subject: { kind: 'allocations', county: '513336', fiscalYear: 1900 } }, 'FISCAL_YEAR.INVALID'],
    ['region code', { regionCode: '51333' }, 'REGION.INVALID'],
    ['date', { publishedOn: '2021-02-30' }, 'DATE.INVALID'],
    ['notice id', { noticeId: 'n 1' }, 'FIELD.REQUIRED'],
  ])('refuses an invalid %s', (_what, overrides, code) => {
    spec
      .given()
      .when(publish(overrides as Partial<PublishNotice['data']>))
      .thenThrows(code);
  });

  it('refuses to publish the same notice twice', () => {
    spec.given(published()).when(publish()).thenThrows('NOTICE.ALREADY_EXISTS');
  });
});

describe('withdrawing a notice', () => {
  it('records the day and the reason', () => {
    spec
      .given(published())
      .when(withdraw())
      .then(withdrawn());
  });

  it('refuses a notice that was never published', () => {
    spec.given().when(withdraw()).thenThrows('NOTICE.NOT_FOUND');
  });

  it('refuses a second withdrawal', () => {
    spec.given(published(), withdrawn()).when(withdraw()).thenThrows('NOTICE.ALREADY_WITHDRAWN');
  });

  it('refuses a withdrawal dated before publication', () => {
    spec.given(published()).when(withdraw({ on: '2021-04-30' })).thenThrows('NOTICE.PERIOD_INVALID');
  });

  it('refuses personal data in the reason, naming the field', () => {
    const error = expectDomainError(
      () => noticeDecider.decide(withdraw({ reason: '联系 13800138000' }), fold(noticeDecider, [published()])),
      'PII.FORBIDDEN',
    );
    expect(error.details).toMatchObject({ field: 'reason' });
  });
});

describe('the posted length of a notice', () => {
  it('counts the first and the last day', () => {
    expect(postedDays(published())).toBe(10);
    expect(postedDays(published({ postedUntil: '2021-05-01' }))).toBe(1);
  });

  it('ends the day before an early withdrawal', () => {
    expect(postedDays(published(), withdrawn('2021-05-04'))).toBe(3);
  });

  it('is not shortened by a withdrawal after the posting ended', () => {
    expect(postedDays(published(), withdrawn('2021-06-01'))).toBe(10);
  });
});

describe('replaying a notice stream', () => {
  it('stops on a notice published twice or withdrawn before it exists', () => {
    expect(() => fold(noticeDecider, [published(), published()])).toThrow(InvariantViolation);
    expect(() => fold(noticeDecider, [withdrawn()])).toThrow(InvariantViolation);
  });
});
