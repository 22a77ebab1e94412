import type { DynamicModule, LoggerService, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { problemContentType, type ProblemDetails } from '../problem-details';

/** A Nest app on an ephemeral loopback port, for e2e specs that test one edge concern through real HTTP. */
export interface TestApp {
  readonly url: string;
  close(): Promise<void>;
}

export async function startTestApp(root: Type | DynamicModule, logger: LoggerService | false = false): Promise<TestApp> {
  // abortOnError: false, so that a refused start rejects here instead of exiting the test process.
  const app = await NestFactory.create(root, { logger, abortOnError: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { url, close: () => app.close() };
}

/** The problem of an error answer; fails unless it is served as application/problem+json. */
export async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('content-type')).toBe(problemContentType);
  return (await response.json()) as ProblemDetails;
}
