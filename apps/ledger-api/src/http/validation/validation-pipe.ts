import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { type ValidationError, ValidationTypes } from 'class-validator';
import { EdgeError } from '../edge-error';
import type { FieldError } from '../problem-details';

/**
 * Field errors listed in one answer. The JSON parser bounds the body, but an array of empty objects
 * under a DTO with many required fields still multiplies into a huge answer; past this, the count is
 * given and the rest left out.
 */
export const fieldErrorsMax = 100;

/** class-validator's name for a property the DTO does not declare, and the rule the API calls it. */
const unknownFieldRule = 'FIELD.UNKNOWN';

/**
 * Flattens class-validator's tree (children for `@ValidateNested`, array items keyed by index) into
 * one error per failed constraint, each with the dotted path of its field: `tasks.0.deadline`.
 */
export function flattenValidationErrors(errors: readonly ValidationError[], parentPath = '', into: FieldError[] = []): FieldError[] {
  for (const error of errors) {
    const field = parentPath === '' ? error.property : `${parentPath}.${error.property}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      into.push({ field, rule: constraint === ValidationTypes.WHITELIST ? unknownFieldRule : constraint, message });
    }
    flattenValidationErrors(error.children ?? [], field, into);
  }
  return into;
}

/** The ValidationPipe's exceptionFactory: one VALIDATION.FAILED naming every bad field. */
export function validationFailed(errors: readonly ValidationError[]): EdgeError {
  const all = flattenValidationErrors(errors);
  const listed = all.slice(0, fieldErrorsMax);
  const fields = [...new Set(listed.map((error) => error.field))].join(', ');
  const detail =
    all.length > listed.length
      ? `${all.length} field errors; the first ${fieldErrorsMax} are listed (${fields})`
      : `The request has invalid fields: ${fields}`;
  return new EdgeError('VALIDATION.FAILED', detail, { errors: listed });
}

export const validationPipeOptions: ValidationPipeOptions = {
  transform: true,
  // Values are taken as sent: implicit conversion would turn the JSON number 12.5 into "12.5" for a
  // `string` property and let a float through as money. DTOs convert explicitly with @Type.
  transformOptions: { enableImplicitConversion: false },
  whitelist: true,
  forbidNonWhitelisted: true,
  // A value with no rules at all (a DTO someone forgot to decorate) is refused, not let through.
  forbidUnknownValues: true,
  // Errors carry neither the object nor the value: a refused body may hold personal data.
  validationError: { target: false, value: false },
  exceptionFactory: validationFailed,
};

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe(validationPipeOptions);
}
