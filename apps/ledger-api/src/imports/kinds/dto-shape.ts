import 'reflect-metadata';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

/** A DTO class, as class-validator and class-transformer take it. */
export type DtoClass = new () => object;

/** How a cell becomes the JSON value the DTO field expects (the HTTP body would carry that JSON type). */
export type FieldType = 'string' | 'number' | 'boolean' | 'array' | 'object';

export interface FieldShape {
  readonly name: string;
  readonly type: FieldType;
  /** `@IsOptional()`: the column may be missing and the cell empty. */
  readonly optional: boolean;
  /** `@IsRegionCode`: the value must also exist in the national code set (RegionDirectory). */
  readonly region: boolean;
  /** The fields of a nested object (`source.allocationId`), when `type` is 'object'. */
  readonly fields: readonly FieldShape[];
}

/** The rule name `@IsRegionCode` validates with (domain-value.decorators.ts). */
const regionRule = 'REGION.INVALID';

/** Nesting followed into DTOs: the deepest body is `source.pool.countyCode`; deeper means a cycle. */
const nestingDepthMax = 4;

/**
 * The fields of a DTO as class-validator knows them, with the JSON type each expects, read from the
 * same decorators the HTTP routes validate with: so an import column and a body field can never
 * disagree. The JSON type comes from TypeScript's `design:type` (emitDecoratorMetadata).
 */
export function shapeOf(dto: DtoClass, depth = 0): FieldShape[] {
  if (depth > nestingDepthMax) throw new Error(`${dto.name}: DTOs nest deeper than ${nestingDepthMax}`);
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(dto, '', true, false);
  const names = [...new Set(metadatas.map((metadata) => metadata.propertyName))];
  return names.map((name) => {
    const own = metadatas.filter((metadata) => metadata.propertyName === name);
    const optional = own.some((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION);
    const nested = own.some((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION);
    const region = own.some(
      (metadata) =>
        metadata.type === ValidationTypes.CUSTOM_VALIDATION &&
        metadata.constraintCls !== undefined &&
        storage.getTargetValidatorConstraints(metadata.constraintCls).some((constraint) => constraint.name === regionRule),
    );
    const designType: unknown = Reflect.getMetadata('design:type', dto.prototype, name);
    if (nested) {
      const nestedClass = nestedClassOf(dto, name, designType);
      return { name, type: 'object', optional, region, fields: shapeOf(nestedClass, depth + 1) };
    }
    return { name, type: fieldTypeOf(designType), optional, region, fields: [] };
  });
}

function fieldTypeOf(designType: unknown): FieldType {
  if (designType === Number) return 'number';
  if (designType === Boolean) return 'boolean';
  if (designType === Array) return 'array';
  // String, string literal unions, and anything else the edge takes as text.
  return 'string';
}

/** The class of a nested field: its declared type, or the one `@Type(() => X)` names. */
function nestedClassOf(dto: DtoClass, name: string, designType: unknown): DtoClass {
  if (typeof designType === 'function' && designType !== Object && designType !== Array) return designType as DtoClass;
  const typeMetadata = transformerTypeOf(dto, name);
  if (typeMetadata !== undefined) return typeMetadata;
  throw new Error(`${dto.name}.${name}: a nested field needs a class type or @Type(() => X)`);
}

interface TypeMetadataStorage {
  findTypeMetadata(target: Function, propertyName: string): { typeFunction(): unknown } | undefined;
}

function transformerTypeOf(dto: DtoClass, name: string): DtoClass | undefined {
  // class-transformer keeps @Type in a storage it does not export from its index (no typings there).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeMetadataStorage };
  const found = defaultMetadataStorage.findTypeMetadata(dto, name)?.typeFunction();
  return typeof found === 'function' ? (found as DtoClass) : undefined;
}

/** A leaf column of a shape: `amount`, `source.pool.countyCode`. */
export interface LeafColumn {
  readonly column: string;
  readonly path: readonly string[];
  readonly type: Exclude<FieldType, 'object'>;
  /** Required unless the field or one of its enclosing objects is optional. */
  readonly required: boolean;
  readonly region: boolean;
}

export function leafColumnsOf(shape: readonly FieldShape[], parent: readonly string[] = [], parentRequired = true): LeafColumn[] {
  return shape.flatMap((field): LeafColumn[] => {
    const path = [...parent, field.name];
    const required = parentRequired && !field.optional;
    if (field.type === 'object') return leafColumnsOf(field.fields, path, required);
    return [{ column: path.join('.'), path, type: field.type, required, region: field.region }];
  });
}
