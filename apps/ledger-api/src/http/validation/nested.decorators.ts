import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested, type ValidationOptions } from 'class-validator';

/** A DTO class, as class-transformer's @Type wants it. */
type DtoClass = new () => object;

/**
 * A required nested object, validated by its own class. `@ValidateNested()` alone lets a missing
 * object through (class-validator skips undefined) and an array too (it validates each item);
 * `@IsObject()` refuses both, and `@Type` makes the plain object an instance the rules apply to.
 * Put `@IsOptional()` above it for an optional one.
 */
export function NestedObject(type: () => DtoClass, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(IsObject(options), ValidateNested(options), Type(type));
}

/** A required array of nested objects (`tasks.0.deadline`), each validated by its class. */
export function NestedArray(type: () => DtoClass, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(IsArray(options), ValidateNested({ ...options, each: true }), Type(type));
}
