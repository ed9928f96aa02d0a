import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { DomainError } from '../errors';

interface ZodDtoClass {
  isZodDto?: boolean;
  schema?: ZodType;
}

/**
 * Validates body, query and route params against the zod schema of their DTO (from nestjs-zod's
 * createZodDto), and answers VALIDATION_FAILED listing each bad field with where it was found.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const dto = metadata.metatype as ZodDtoClass | undefined;
    if (!dto?.isZodDto || !dto.schema) return value;
    const result = dto.schema.safeParse(value ?? (metadata.type === 'body' ? undefined : {}));
    if (result.success) return result.data;
    const where = metadata.type === 'custom' ? 'value' : metadata.type;
    const errors = result.error.issues.flatMap((issue) => {
      const path = [where, ...issue.path.map(String)];
      // One entry per unknown field, so clients can point at each.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: 'unknown field' }));
      }
      return [{ field: path.join('.'), message: issue.message }];
    });
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid ${where}: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
}
