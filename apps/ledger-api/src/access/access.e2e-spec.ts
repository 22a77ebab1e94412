import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, type DynamicModule, Get, Module, Post } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { HttpEdgeModule } from '../http/http-edge.module';
import { problemOf, startTestApp, type TestApp } from '../http/testing/test-app';
import { IsPositiveMoney, IsRegionCode } from '../http/validation/domain-value.decorators';
import { CurrentPrincipal, Public, Roles } from './access.decorators';
import { AccessModule } from './access.module';
import { tokenSha256 } from './bearer-token';
import type { Principal } from './principal';
import { principalsFileName } from './principals-file';
import { assertRegionAccess } from './region-access';

class AllocateFunds {
  @IsRegionCode({ digits: 6 })
  countyCode!: string;

  @IsPositiveMoney()
  amount!: string;
}

@Controller()
class AccessProbeController {
  @Public()
  @Get('disclosures')
  disclosures(): { public: true } {
    return { public: true };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Roles('finance')
  @Post('allocations')
  allocate(@CurrentPrincipal() principal: Principal, @Body() command: AllocateFunds): { countyCode: string } {
    assertRegionAccess(principal, command.countyCode);
    return { countyCode: command.countyCode };
  }

  @Roles('inspector')
  @Post('rectifications')
  openRectification(): { opened: true } {
    return { opened: true };
  }
}

@Module({})
class LedgerConfigProbe {}

/** The app module's part that AccessModule needs: LEDGER_CONFIG, globally. */
function probeModule(config: LedgerConfig): DynamicModule {
  return {
    module: LedgerConfigProbe,
    global: true,
    imports: [HttpEdgeModule, AccessModule],
    providers: [{ provide: LEDGER_CONFIG, useValue: config }],
    exports: [LEDGER_CONFIG],
    controllers: [AccessProbeController],
  };
}

function configFor(dataDir: string, profile: LedgerConfig['profile']): LedgerConfig {
  return { port: 0, dataDir, profile, loadDemo: false, logLevel: 'silent' };
}

describe('access by bearer token and region, through real HTTP (demo profile)', () => {
  let dataDir: string;
  let app: TestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-access-'));
    app = await startTestApp(probeModule(configFor(dataDir, 'demo')));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function call(method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    return fetch(`${app.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }
  const allocate = (token: string, countyCode: string): Promise<Response> => call('POST', '/allocations', token, { countyCode, amount: '100.00' });

  it('serves a public read without a token, and ignores a bad one there', async () => {
    expect((await call('GET', '/disclosures')).status).toBe(200);
    expect((await call('GET', '/disclosures', 'not-a-token')).status).toBe(200);
  });

  it('answers a route without a token with 401 AUTH.REQUIRED and a Bearer challenge', async () => {
    const response = await call('GET', '/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await problemOf(response)).toMatchObject({ code: 'AUTH.REQUIRED', title: 'Unauthorized', instance: '/me' });
  });

  it('answers an unknown token with 401 AUTH.REQUIRED and invalid_token', async () => {
    const response = await call('GET', '/me', 'demo-nobody');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await problemOf(response)).toMatchObject({ code: 'AUTH.REQUIRED' });
  });

  it('knows each documented demo principal by its token', async () => {
    const response = await call('GET', '/me', 'demo-inspector-51');
    expect(await response.json()).toEqual({ id: 'demo-inspector-51', role: 'inspector', regionPrefix: '51' });
  });

  it('lets a county finance bureau post for its own county only', async () => {
    expect((await allocate('demo-finance-513336', '513336')).status).toBe(201);
    expect((await allocate('demo-finance-341821', '341821')).status).toBe(201);
    const elsewhere = await allocate('demo-finance-513336', '341821');
    expect(elsewhere.status).toBe(403);
    expect(await problemOf(elsewhere)).toMatchObject({ code: 'AUTH.FORBIDDEN_REGION', title: 'Forbidden' });
  });

  it('refuses money from an inspector, and a rectification from a finance bureau, with AUTH.FORBIDDEN_ROLE', async () => {
    const money = await allocate('demo-inspector-51', '513336');
    expect(money.status).toBe(403);
    expect(await problemOf(money)).toMatchObject({ code: 'AUTH.FORBIDDEN_ROLE' });
    expect((await call('POST', '/rectifications', 'demo-inspector-51')).status).toBe(201);
    expect(await problemOf(await call('POST', '/rectifications', 'demo-finance-513336'))).toMatchObject({ code: 'AUTH.FORBIDDEN_ROLE' });
  });

  it('lets the admin do everything, everywhere', async () => {
    expect((await allocate('demo-admin', '341821')).status).toBe(201);
    expect((await call('POST', '/rectifications', 'demo-admin')).status).toBe(201);
  });

  it('checks the token before the body: an anonymous bad body is 401, not 400', async () => {
    const response = await call('POST', '/allocations', undefined, { countyCode: 'x', amount: 12.5 });
    expect(response.status).toBe(401);
  });
});

describe('the production profile', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-access-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const writePrincipals = (entries: unknown): void => writeFileSync(join(dataDir, principalsFileName), JSON.stringify(entries));

  it('refuses to start while a demo principal is configured', async () => {
    writePrincipals([{ id: 'demo-admin', role: 'admin', regionPrefix: '', tokenSha256: tokenSha256('demo-admin') }]);
    await expect(startTestApp(probeModule(configFor(dataDir, 'production')))).rejects.toThrow(/refuses demo principals/);
  });

  it('starts with its own principals and knows them by token', async () => {
    const token = 'x8Qm1vQd3pZb0kYw7RrT2aLs9uNc4eHf6gJi5oPy-Aa';
    writePrincipals([{ id: 'finance-513336', role: 'finance', regionPrefix: '513336', tokenSha256: tokenSha256(token) }]);
    const app = await startTestApp(probeModule(configFor(dataDir, 'production')));
    try {
      const response = await fetch(`${app.url}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(await response.json()).toEqual({ id: 'finance-513336', role: 'finance', regionPrefix: '513336' });
      expect((await fetch(`${app.url}/me`, { headers: { authorization: 'Bearer demo-admin' } })).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});
