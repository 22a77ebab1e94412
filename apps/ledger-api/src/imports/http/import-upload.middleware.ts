import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import multer from 'multer';
import { PrincipalRegistry } from '../../access/principal-registry';
import { EdgeError } from '../../http/edge-error';

/**
 * The largest file an import takes. 100,000 rows of the widest kind (projects, ~330 bytes a row
 * in the demo files) are ~33 MB of CSV; this leaves room for XLSX and long text columns.
 */
export const importFileBytesMax = 100 * 1024 * 1024;

/** The form fields an import request may carry besides its file. */
const formFields = ['kind'] as const;

/** The uploaded file, as the middleware leaves it for the controller. */
export interface ImportUploadPart {
  readonly name: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

export type UploadRequest = IncomingMessage & {
  body?: unknown;
  file?: Express.Multer.File;
  importUpload?: ImportUploadPart;
  is(type: string): string | false | null;
};

/**
 * Reads the multipart body of `POST /v1/imports` before the guard and the interceptors run (Nest
 * runs middleware first), so that the idempotency interceptor, which hashes `request.body`, hashes
 * the file too: the body becomes `{kind, file: {name, sha256, bytes}}`. Without this, every import
 * request would hash alike, and a retry with the same Idempotency-Key but another file would be
 * answered with the first file's import instead of IDEMPOTENCY.KEY_REUSED.
 *
 * A request without a known bearer token is not read at all: the guard answers it 401, and nobody
 * can make the ledger buffer 100 MB without a token.
 */
@Injectable()
export class ImportUploadMiddleware implements NestMiddleware {
  private readonly parse = multer({
    storage: multer.memoryStorage(),
    // File names in UTF-8, as browsers and fetch send them (01-拨付.csv).
    defParamCharset: 'utf8',
    limits: { fileSize: importFileBytesMax, files: 1, fields: formFields.length, fieldSize: 1024, parts: 1 + formFields.length },
  }).single('file');

  constructor(private readonly registry: PrincipalRegistry) {}

  use(request: UploadRequest, response: ServerResponse, next: (error?: unknown) => void): void {
    if (!request.is('multipart/form-data') || this.registry.authenticate(request.headers.authorization) === null) {
      next();
      return;
    }
    this.parse(request as never, response as never, (error: unknown) => {
      if (error !== undefined && error !== null) {
        next(refusalOf(error));
        return;
      }
      try {
        request.body = this.described(request);
        next();
      } catch (refusal) {
        next(refusal);
      }
    });
  }

  private described(request: UploadRequest): { kind: string | null; file: { name: string; sha256: string; bytes: number } | null } {
    const fields = { ...(request.body as Record<string, unknown> | undefined) };
    const unknown = Object.keys(fields).filter((name) => !(formFields as readonly string[]).includes(name));
    if (unknown.length > 0) {
      throw new EdgeError('VALIDATION.FAILED', `an import takes a file part and a kind field, not ${unknown.join(', ')}`, {
        errors: unknown.map((field) => ({ field, rule: 'FIELD.UNKNOWN', message: `${field} is not a field of an import` })),
      });
    }
    const kind = typeof fields['kind'] === 'string' && fields['kind'] !== '' ? fields['kind'] : null;
    const file = request.file;
    if (file === undefined) return { kind, file: null };
    const upload = { name: file.originalname, bytes: file.buffer, sha256: createHash('sha256').update(file.buffer).digest('hex') };
    request.importUpload = upload;
    return { kind, file: { name: upload.name, sha256: upload.sha256, bytes: file.size } };
  }
}

function refusalOf(error: unknown): EdgeError {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return new EdgeError('REQUEST.TOO_LARGE', `an import file holds at most ${importFileBytesMax} bytes`);
    const field = error.field ?? 'file';
    return new EdgeError('VALIDATION.FAILED', `the multipart body is not an import: ${error.message}`, {
      errors: [{ field, rule: error.code === 'LIMIT_UNEXPECTED_FILE' ? 'FIELD.UNKNOWN' : 'IMPORT.MULTIPART', message: error.message }],
    });
  }
  return new EdgeError('VALIDATION.FAILED', `the multipart body cannot be read: ${error instanceof Error ? error.message : String(error)}`);
}
