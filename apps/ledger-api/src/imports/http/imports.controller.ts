import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../access/access.decorators';
import type { Principal } from '../../access/principal';
import { EdgeError } from '../../http/edge-error';
import type { ImportStatus } from '../import-job';
import { ImportService } from '../import.service';
import type { UploadRequest } from './import-upload.middleware';

/**
 * Bulk import (README.md in this folder): `POST /v1/imports` takes one CSV or XLSX file of one
 * kind and answers 202 with the import's id; `GET /v1/imports/{id}` tells how far it got. Which
 * role may import depends on the kind (the route's own), so the check is the service's.
 */
@ApiTags('imports')
@Controller('v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(202)
  async create(@CurrentPrincipal() principal: Principal, @Req() request: UploadRequest): Promise<ImportStatus> {
    const upload = request.importUpload;
    if (upload === undefined) {
      throw new EdgeError('VALIDATION.FAILED', 'an import is a multipart/form-data body with a file part (and a kind field, unless the file name says it)', {
        errors: [{ field: 'file', rule: 'FIELD.REQUIRED', message: 'no file part' }],
      });
    }
    const body = request.body as { kind: string | null };
    const file = await this.imports.prepare(principal, { name: upload.name, bytes: upload.bytes, ...(body.kind === null ? {} : { kind: body.kind }) });
    return this.imports.start(principal, [file]).job.status();
  }

  @Get(':importId')
  status(@CurrentPrincipal() principal: Principal, @Param('importId') importId: string): ImportStatus {
    const job = this.imports.find(importId, principal);
    // Another principal's import is not theirs to know of: the same 404 as one that never was.
    if (job === undefined) throw new EdgeError('ROUTE.NOT_FOUND', `no import ${importId} of ${principal.id} (this process keeps the last ones only)`);
    return job.status();
  }
}
