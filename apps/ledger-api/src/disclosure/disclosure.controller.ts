import type { IncomingMessage } from 'node:http';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { answerAsOf } from '../read-model/query-params';
import { csvContentType, disclosureCsv } from './disclosure-csv';
import { disclosureSchema } from './disclosure.schema';
import { regionOfPath, schemaUrl } from './disclosure-request';
import { DisclosureViews } from './disclosure-view';
import { DisclosureQuery } from './disclosure.query';
import { PublicRead } from './public-read';

type View = Record<string, unknown>;

/**
 * 三级公开 for anyone, without a token: the disclosure view of a county (6 digits), township (9)
 * or village (12), and the same as CSV (Excel, WPS) and as JSON with its published schema. Every
 * route is @PublicRead: its answer goes through the one de-identification layer.
 */
@ApiTags('public')
@Controller('v1/public')
export class DisclosureController {
  constructor(private readonly views: DisclosureViews) {}

  @Get('regions/:code')
  @PublicRead({ schema: disclosureSchema })
  async region(@Param('code') code: string, @Query() query: DisclosureQuery, @Req() request: IncomingMessage, @Res({ passthrough: true }) response: Response): Promise<View> {
    return (await this.build(code, query, request, response)).view;
  }

  @Get('regions/:code/export.json')
  @PublicRead({ schema: disclosureSchema })
  async exportJson(@Param('code') code: string, @Query() query: DisclosureQuery, @Req() request: IncomingMessage, @Res({ passthrough: true }) response: Response): Promise<View> {
    const { view, fileName } = await this.build(code, query, request, response);
    response.setHeader('Content-Disposition', attachment(`${fileName}.json`));
    return view;
  }

  @Get('regions/:code/export.csv')
  @PublicRead({ schema: disclosureSchema, render: { contentType: csvContentType, text: disclosureCsv } })
  async exportCsv(@Param('code') code: string, @Query() query: DisclosureQuery, @Req() request: IncomingMessage, @Res({ passthrough: true }) response: Response): Promise<View> {
    const { view, fileName } = await this.build(code, query, request, response);
    response.setHeader('Content-Disposition', attachment(`${fileName}.csv`));
    return view;
  }

  @Get('schemas/disclosure.json')
  @PublicRead({ schema: 'static' })
  schema(@Res({ passthrough: true }) response: Response): unknown {
    response.setHeader('Content-Type', 'application/schema+json');
    return disclosureSchema;
  }

  private async build(code: string, query: DisclosureQuery, request: IncomingMessage, response: Response): Promise<{ view: View; fileName: string }> {
    const region = regionOfPath(code);
    const fiscalYear = query.fiscalYear === undefined ? undefined : Number(query.fiscalYear);
    const { view, asOf, regionName } = await this.views.view({ region, ...(fiscalYear === undefined ? {} : { fiscalYear }), schemaUrl: schemaUrl(request) });
    answerAsOf(response, asOf);
    return { view, fileName: `${region}-${regionName}-三级公开${fiscalYear === undefined ? '' : `-${fiscalYear}`}` };
  }
}

/** RFC 6266: an ASCII fallback name and the UTF-8 name (乡城县…) for clients that read it. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]+/g, '').replace(/["\\]/g, '').replace(/-+/g, '-').replace(/-\./, '.');
  return `attachment; filename="disclosure-${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
