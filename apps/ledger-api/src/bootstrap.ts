import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { EventStore } from '@ledger/event-store';
import { AppModule } from './app.module';
import { setUpOpenApi } from './openapi/openapi';
import { EVENT_STORE } from './store/event-store.module';
import type { LedgerConfig } from './config/ledger-config';

const keepAliveTimeoutMs = 65_000;

/** Builds the HTTP application for a configuration; used by main.ts and by the e2e specs alike. */
export async function createLedgerApp(config: LedgerConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  const store = app.get<EventStore>(EVENT_STORE);
  // Every answer says which log prefix it reflects; a command's answer overrides this with the
  // position it wrote, and a refusal leaves it as it was (a refused request changes nothing).
  app.use((_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    store.headPosition().then((position) => {
      response.setHeader('X-Ledger-Position', String(position));
      next();
    }, next);
  });
  app.enableShutdownHooks();
  setUpOpenApi(app);
  // A large import appends in long synchronous transactions; Node's default 5 s keep-alive would
  // close an idle client connection the moment the event loop frees up, as the client reuses it.
  // 65 s outlives the common proxies' 60 s, so the proxy, not the ledger, closes idle connections.
  const server = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.headersTimeout = keepAliveTimeoutMs + 1_000;
  return app;
}
