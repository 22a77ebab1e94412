import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainError } from '@ledger/domain';
import { StoreError } from '@ledger/event-store';
import { EdgeError } from './edge-error';
import { answerFor, unexpectedErrorDetail } from './error-answer';
import { SubjectNotFoundInPath } from './subject-in-path';

describe('the answer for a thrown value', () => {
  it('keeps an edge refusal as raised, with its field errors and headers', () => {
    const errors = [{ field: 'amount', rule: 'MONEY.INVALID', message: 'amount must be …' }];
    const error = new EdgeError('VALIDATION.FAILED', 'bad', { errors, headers: { 'X-A': '1' } });
    expect(answerFor(error)).toEqual({ code: 'VALIDATION.FAILED', status: 400, detail: 'bad', errors, headers: { 'X-A': '1' } });
  });

  it('answers a domain refusal with 422 and names the field the domain names', () => {
    const answer = answerFor(new DomainError('PII.FORBIDDEN', 'payee contains a resident id', { field: 'payee', kind: 'resident_id' }));
    expect(answer).toMatchObject({ code: 'PII.FORBIDDEN', status: 422, errors: [{ field: 'payee', rule: 'PII.FORBIDDEN' }] });
  });

  it('lists no field when the domain names none', () => {
    expect(answerFor(new DomainError('PROJECT.FUNDING_EXCEEDED', 'too much')).errors).toEqual([]);
  });

  it('answers a NOT_FOUND with 422 from the body and 404 from the path', () => {
    const missing = new DomainError('PROJECT.NOT_FOUND', 'no project p-1');
    expect(answerFor(missing).status).toBe(422);
    expect(answerFor(new SubjectNotFoundInPath(missing))).toMatchObject({ code: 'PROJECT.NOT_FOUND', status: 404, detail: 'no project p-1' });
  });

  it('answers a revision conflict with 409 and its message', () => {
    expect(answerFor(new StoreError('STORE.REVISION_CONFLICT', 'expected 3, at 4'))).toMatchObject({ status: 409, detail: 'expected 3, at 4' });
  });

  it('answers any other store failure with 500, keeping its code but not its message', () => {
    expect(answerFor(new StoreError('STORE.INVALID_EVENT', 'float in data at /amount'))).toMatchObject({
      code: 'STORE.INVALID_EVENT',
      status: 500,
      detail: unexpectedErrorDetail,
    });
  });

  it.each([
    [new BadRequestException("Expected property name or '}' in JSON at position 1"), 'VALIDATION.FAILED', 400],
    [new NotFoundException('Cannot GET /nope'), 'ROUTE.NOT_FOUND', 404],
    [new PayloadTooLargeException('request entity too large'), 'REQUEST.TOO_LARGE', 413],
    [Object.assign(new Error('unsupported charset "LATIN-9"'), { status: 415, expose: true }), 'VALIDATION.FAILED', 400],
  ])('answers the HTTP layer error %p with %s', (error, code, status) => {
    expect(answerFor(error)).toMatchObject({ code, status, detail: error.message });
  });

  it.each([
    [new Error('ENOENT: /var/lib/ledger/secret')],
    [new TypeError("Cannot read properties of undefined (reading 'x')")],
    [Object.assign(new Error('server-side 503'), { status: 503, expose: false })],
    ['a thrown string'],
  ])('answers the unexpected %p with INTERNAL and a detail that tells nothing of it', (error) => {
    expect(answerFor(error)).toEqual({ code: 'INTERNAL', status: 500, detail: unexpectedErrorDetail, errors: [], headers: {} });
  });
});
