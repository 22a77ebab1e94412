import type { IncomingMessage } from 'node:http';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError, type NoticeSubject, streams } from '@ledger/domain';
import { isStreamName } from '@ledger/event-store';
import type { Response } from 'express';
import { Public } from '../../access/access.decorators';
import { disclosureSchema } from '../../disclosure/disclosure.schema';
import { DisclosureQuery } from '../../disclosure/disclosure.query';
import { regionOfPath, schemaUrl } from '../../disclosure/disclosure-request';
import { DisclosureViews } from '../../disclosure/disclosure-view';
import { deidentify } from '../../disclosure/public-view';
import { SubjectNotFoundInPath } from '../../http/subject-in-path';
import { answerAsOf } from '../../read-model/query-params';
import { invalidField } from '../audit-queries';
import { type ProvenEvents, ProofBundles } from './proof-bundles';

export interface NoticeProofBundle extends ProvenEvents {
  readonly noticeId: string;
  readonly subject: NoticeSubject;
}

export interface RegionProofBundle extends ProvenEvents {
  /** The disclosure view exactly as `GET /v1/public/regions/{code}` publishes it at `checkpoint.size`. */
  readonly view: unknown;
}

/**
 * Everything needed to check published figures offline: a signed checkpoint and, for every event
 * behind a notice or a disclosure view, the event's canonical bytes and its inclusion proof.
 * Public, as the notice and the view are.
 */
@ApiTags('audit')
@Public()
@Controller('v1/audit/proof-bundles')
export class ProofBundleController {
  constructor(
    private readonly bundles: ProofBundles,
    private readonly views: DisclosureViews,
  ) {}

  /** A notice: its own stream and the project it discloses, against the latest checkpoint. */
  @Get('notices/:noticeId')
  async notice(@Param('noticeId') noticeId: string): Promise<NoticeProofBundle> {
    const noticeStream = streams.notice(noticeId);
    if (!isStreamName(noticeStream)) throw invalidField('noticeId', 'FIELD.REQUIRED', 'noticeId must be a notice id');
    const noticeEvents = await this.bundles.eventsOf(noticeStream);
    const published = noticeEvents.find((event) => event.type === 'NoticePublished');
    if (published === undefined) {
      throw new SubjectNotFoundInPath(new DomainError('NOTICE.NOT_FOUND', `no notice ${noticeId} was published`, { noticeId }));
    }
    const subject = (published.data as { subject: NoticeSubject }).subject;
    const projectStream = subject.kind === 'project' || subject.kind === 'beneficiaries' ? streams.project(subject.projectId) : undefined;
    return { noticeId, subject, ...(await this.bundles.prove(projectStream === undefined ? [noticeStream] : [noticeStream, projectStream])) };
  }

  /**
   * A disclosure view (三级公开) of a county, township or village, de-identified as the public
   * route serves it, with every event of the projects, loans and notices it shows, recorded up to
   * the position the view reflects, proven against a checkpoint of exactly that size.
   */
  @Get('regions/:code')
  async region(@Param('code') code: string, @Query() query: DisclosureQuery, @Req() request: IncomingMessage, @Res({ passthrough: true }) response: Response): Promise<RegionProofBundle> {
    const region = regionOfPath(code);
    const fiscalYear = query.fiscalYear === undefined ? undefined : Number(query.fiscalYear);
    const answer = await this.views.view({ region, ...(fiscalYear === undefined ? {} : { fiscalYear }), schemaUrl: schemaUrl(request) });
    answerAsOf(response, answer.asOf);
    return { view: deidentify(disclosureSchema, answer.view), ...(await this.bundles.prove(answer.streams, BigInt(answer.asOf.position))) };
  }
}
