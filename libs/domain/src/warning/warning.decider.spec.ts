import { deciderSpec } from '../../testing';
import { fold } from '../shared/decider';
import { InvariantViolation } from '../shared/domain-error';
import type { AcknowledgeWarning, RaisedWarning, ResolveWarning } from './warning.commands';
import { warningDecider } from './warning.decider';
import type { WarningAcknowledged, WarningResolved } from './warning.events';

const spec = deciderSpec(warningDecider);
const warningId = '3f1c2a9e-5b7d-5e2f-9a41-0c6d8e7f1b23';
const raised: RaisedWarning = { warningId, rule: 'FUNDS.IDLE', regionCode: '513336' };

const acknowledge = (on = '2019-07-01', overrides: Partial<AcknowledgeWarning['data']> = {}): AcknowledgeWarning => ({
  type: 'AcknowledgeWarning',
  data: { warningId, note: '已调阅到账凭证，正在核实', on, raised, ...overrides },
});
const resolve = (on = '2019-07-15', overrides: Partial<ResolveWarning['data']> = {}): ResolveWarning => ({
  type: 'ResolveWarning',
  data: { warningId, note: '资金已安排至2019年产业项目', on, raised, ...overrides },
});
const acknowledged = (on = '2019-07-01'): WarningAcknowledged => ({
  type: 'WarningAcknowledged',
  data: { warningId, rule: 'FUNDS.IDLE', regionCode: '513336', note: '已调阅到账凭证，正在核实', on },
});
const resolved = (on = '2019-07-15'): WarningResolved => ({
  type: 'WarningResolved',
  data: { warningId, rule: 'FUNDS.IDLE', regionCode: '513336', note: '资金已安排至2019年产业项目', on },
});

describe('acknowledging a warning (已查看)', () => {
  it('records the note with the rule and region the warning has', () => {
    spec.given().when(acknowledge()).then(acknowledged());
  });
  it('refuses a warning that does not hold (never raised, or no longer)', () => {
    spec.given().when(acknowledge('2019-07-01', { raised: null })).thenThrows('WARNING.NOT_FOUND');
    spec.given(acknowledged()).when(resolve('2019-07-15', { raised: null })).thenThrows('WARNING.NOT_FOUND');
  });
  it('refuses a second acknowledgement', () => {
    spec.given(acknowledged()).when(acknowledge('2019-07-02')).thenThrows('WARNING.ALREADY_ACKNOWLEDGED');
  });
  it('refuses a resolved warning', () => {
    spec.given(resolved()).when(acknowledge('2019-07-20')).thenThrows('WARNING.ALREADY_RESOLVED');
  });
  it('refuses personal data in the note, a missing note and an invalid date', () => {
    spec.given().when(acknowledge('2019-07-01', { note: '举报人电话 13812345678' })).thenThrows('PII.FORBIDDEN');
    spec.given().when(acknowledge('2019-07-01', { note: ' ' })).thenThrows('FIELD.REQUIRED');
    spec.given().when(acknowledge('2019-02-30')).thenThrows('DATE.INVALID');
  });
  it('refuses a malformed warning id', () => {
    spec.given().when(acknowledge('2019-07-01', { warningId: 'w 1' })).thenThrows('FIELD.REQUIRED');
  });
});

describe('resolving a warning (已处理)', () => {
  it('resolves an open warning directly', () => {
    spec.given().when(resolve()).then(resolved());
  });
  it('resolves an acknowledged warning', () => {
    spec.given(acknowledged()).when(resolve()).then(resolved());
  });
  it('refuses a second resolution', () => {
    spec.given(acknowledged(), resolved()).when(resolve('2019-08-01')).thenThrows('WARNING.ALREADY_RESOLVED');
  });
  it('refuses a resolution dated before the acknowledgement', () => {
    spec.given(acknowledged('2019-07-10')).when(resolve('2019-07-09')).thenThrows('WARNING.DATED_BACKWARDS');
  });
});

describe('the state of a warning’s stream', () => {
  it('keeps both dates', () => {
    expect(fold(warningDecider, [acknowledged(), resolved()])).toMatchObject({ status: 'resolved', acknowledgedOn: '2019-07-01', resolvedOn: '2019-07-15' });
    expect(fold(warningDecider, [resolved()])).toMatchObject({ status: 'resolved', acknowledgedOn: null, resolvedOn: '2019-07-15' });
  });
  it('stops replaying impossible history', () => {
    expect(() => fold(warningDecider, [acknowledged(), acknowledged('2019-07-02')])).toThrow(InvariantViolation);
    expect(() => fold(warningDecider, [resolved(), resolved('2019-08-01')])).toThrow(InvariantViolation);
    expect(() => fold(warningDecider, [acknowledged('2019-07-10'), resolved('2019-07-09')])).toThrow(InvariantViolation);
    expect(() => fold(warningDecider, [acknowledged(), { ...resolved(), data: { ...resolved().data, warningId: 'other' } }])).toThrow(InvariantViolation);
  });
});
