import { randomUUID } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { LEDGER_CONFIG, type LedgerConfig } from './config/ledger-config';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessModule } from './access/access.module';
import { AllocationsModule } from './allocations/allocations.module';
import { AuditModule } from './audit/audit.module';
import { BeneficiariesModule } from './beneficiaries/beneficiaries.module';
import { MicroCreditModule } from './micro-credit/micro-credit.module';
import { NoticesModule } from './notices/notices.module';
import { RectificationsModule } from './rectifications/rectifications.module';
import { CommandsModule } from './commands/commands.module';
import { localRulesProvider, LOCAL_RULES } from './config/local-rules.provider';
import { HealthController } from './health/health.controller';
import { HttpEdgeModule } from './http/http-edge.module';
import { ImportsModule } from './imports/imports.module';
import { ProjectsModule } from './projects/projects.module';
import { RegionsModule } from './regions/regions.module';
import { WarningsModule } from './warnings/warnings.module';
import { EventStoreModule } from './store/event-store.module';
import { ReadModelModule } from './read-model/read-model.module';
import { MetricsModule } from './metrics/metrics.module';
import { ProjectViewsModule } from './project-views/project-views.module';
import { DisclosureModule } from './disclosure/disclosure.module';
import { TraceModule } from './trace/trace.module';

/** Request ids: the caller's X-Request-Id when it sends a sane one (for tracing across systems), else a new UUID. */
const requestIdPattern = /^[A-Za-z0-9._-]{1,128}$/;

@Module({})
export class AppModule {
  static forConfig(config: LedgerConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            // Tokens are secrets: never write them to the log.
            redact: ['req.headers.authorization'],
          },
        }),
        EventStoreModule,
        // The projections, installed and inline (or subscribed) before any module can append.
        ReadModelModule,
        AuditModule,
        CqrsModule.forRoot(),
        // CommandsModule before HttpEdgeModule: the idempotency interceptor must wrap the one that
        // turns a missing path subject into 404, so that a retry is answered 404 too.
        CommandsModule,
        HttpEdgeModule,
        AccessModule,
        RegionsModule,
        AllocationsModule,
        ProjectsModule,
        MicroCreditModule,
        NoticesModule,
        RectificationsModule,
        WarningsModule,
        ImportsModule,
        BeneficiariesModule,
        MetricsModule,
        ProjectViewsModule,
        DisclosureModule,
        TraceModule,
      ],
      providers: [{ provide: LEDGER_CONFIG, useValue: config }, localRulesProvider],
      exports: [LEDGER_CONFIG, LOCAL_RULES],
      controllers: [HealthController],
    };
  }
}
