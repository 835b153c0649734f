import { pinoHttp } from 'pino-http';
import { loadConfig } from './app-config';
import { isRedactedField, REDACTED_FIELDS, redactFields, redactUrl } from './log-redaction';
import { loggerParams } from './logging.module';

describe('log redaction: one list of fields', () => {
  it.each([
    [
      '/api/v1/knowledge?q=%E6%88%91%E5%AE%B6%E6%9A%96%E6%B0%94&category=heating',
      '/api/v1/knowledge?q=[redacted]&category=heating',
    ],
    [
      '/open311/v2/requests.json?api_key=secret-key&service_code=x',
      '/open311/v2/requests.json?api_key=[redacted]&service_code=x',
    ],
    ['/api/v1/cases?access_token=eyJabc&page=2', '/api/v1/cases?access_token=[redacted]&page=2'],
    ['/api/v1/cases?accessToken=eyJabc', '/api/v1/cases?accessToken=[redacted]'],
    ['/api/v1/cases?text=%E5%BC%A0%E4%B8%89&status=received', '/api/v1/cases?text=[redacted]&status=received'],
    [
      '/x?phone=13812345678&callerPhone=1&caller_name=%E5%BC%A0&description=d&directAnswer=a',
      '/x?phone=[redacted]&callerPhone=[redacted]&caller_name=[redacted]&description=[redacted]&directAnswer=[redacted]',
    ],
    ['/x?API_KEY=k&Password=p&token=t', '/x?API_KEY=[redacted]&Password=[redacted]&token=[redacted]'],
    ['/x?api%5Fkey=k', '/x?api%5Fkey=[redacted]'],
    ['/x?email[]=a%40b.cn&first_name=%E4%B8%89', '/x?email[]=[redacted]&first_name=[redacted]'],
    ['/api/v1/public/cases/XG20261122000123?phoneLast4=5678', '/api/v1/public/cases/XG20261122000123?phoneLast4=[redacted]'],
    ['/api/v1/callers/13812345678/cases?page=2', '/api/v1/callers/[redacted]/cases?page=2'],
    ['/open311/v2/tokens/AbC123.json', '/open311/v2/tokens/[redacted]'],
    ['/api/v1/cases?status=received&page=1', '/api/v1/cases?status=received&page=1'],
    [
      '/api/v1/stats/rates?groupBy=department&from=2026-11-01T00:00:00%2B08:00',
      '/api/v1/stats/rates?groupBy=department&from=2026-11-01T00:00:00%2B08:00',
    ],
    ['/health', '/health'],
    ['/x?q', '/x?q'],
    ['/x?%E0%A4%A=1&q=2', '/x?%E0%A4%A=1&q=[redacted]'],
  ])('logs %s as %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('matches a field whatever its spelling, and leaves others', () => {
    for (const name of [
      'password',
      'PASSWORD',
      'access_token',
      'api-key',
      'callerPhone',
      'caller_phone',
      'phone_last4',
      'address_string',
    ]) {
      expect({ name, redacted: isRedactedField(name) }).toEqual({ name, redacted: true });
    }
    for (const name of ['caseId', 'caseNo', 'status', 'page', 'category', 'rule', 'department', 'query', 'message']) {
      expect({ name, redacted: isRedactedField(name) }).toEqual({ name, redacted: false });
    }
    expect(REDACTED_FIELDS).toEqual(
      expect.arrayContaining([
        'password',
        'token',
        'apiKey',
        'accessToken',
        'q',
        'text',
        'phone',
        'callerPhone',
        'callerName',
        'description',
        'directAnswer',
      ]),
    );
  });

  it('redacts listed fields at any depth of objects, arrays and errors', () => {
    const error = Object.assign(new Error('insert failed'), {
      parameters: ['张三', '13812345678'],
      query: 'INSERT INTO cases …',
    });
    expect(
      redactFields({
        caseId: 'c1',
        body: { callerPhone: '13812345678', nested: [{ description: '家里暖气不热' }] },
        error,
        list: [{ password: 'x' }],
      }),
    ).toEqual({
      caseId: 'c1',
      body: '[redacted]',
      error: {
        type: 'Error',
        message: 'insert failed',
        stack: expect.any(String) as unknown,
        parameters: '[redacted]',
        query: 'INSERT INTO cases …',
      },
      list: [{ password: '[redacted]' }],
    });
  });

  describe('in the pino output of the processes', () => {
    // The same logger the processes build (pino-http over pino, with the settings of loggingModule).
    function capture() {
      const lines: string[] = [];
      const params = loggerParams('api', loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'debug' }));
      const { logger } = pinoHttp(params.pinoHttp, { write: (line: string) => lines.push(line) });
      return { logger, output: () => lines.join('') };
    }

    it('writes a database error without its bound parameters or the failing row', () => {
      const { logger, output } = capture();
      const driverError = Object.assign(new Error('null value in column "title"'), {
        code: '23502',
        detail: 'Failing row contains (…, 张三丰的举报, 13812345678, …)',
      });
      const error = Object.assign(new Error('null value in column "title"'), {
        name: 'QueryFailedError',
        query: 'INSERT INTO cases (…) VALUES ($1, $2)',
        parameters: ['张三丰的举报', '13812345678'],
        driverError,
      });
      logger.error({ err: error }, 'unhandled error');
      const out = output();
      expect(out).toContain('QueryFailedError');
      expect(out).toContain('23502');
      expect(out).toContain('INSERT INTO cases');
      expect(out).toContain('"parameters":"[redacted]"');
      expect(out).not.toContain('13812345678');
      expect(out).not.toContain('张三丰');
    });

    it('writes a body parser error without the body, and logged objects without listed fields', () => {
      const { logger, output } = capture();
      const parseError = Object.assign(new SyntaxError('Unexpected token'), {
        type: 'entity.parse.failed',
        status: 400,
        body: '{"password":"hunter2-secret"',
      });
      logger.warn({ err: parseError }, 'bad body');
      logger.info(
        { caseId: 'c-1', payload: { callerName: '李四', directAnswer: '请拨打0411-82345678', q: '怎么交暖气费' } },
        'something',
      );
      const out = output();
      expect(out).toContain('entity.parse.failed');
      expect(out).toContain('c-1');
      for (const secret of ['hunter2-secret', '李四', '0411-82345678', '暖气费']) expect(out).not.toContain(secret);
    });
  });
});
