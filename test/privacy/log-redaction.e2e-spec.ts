import { BAIYUN_POINT, heatingComplaint, uniquePhone, useStack, type CaseBody } from '@hotline/testing';

/**
 * The request log, captured from the running API at debug level, while real requests carry secrets and
 * citizens' words in query strings, paths and bodies: none of those values is written, and the log still
 * names each route (the capture works and the redaction keeps what is useful).
 */
describe('logs redact secrets and citizens’ words from URLs and bodies', () => {
  const lines: string[] = [];
  const stack = useStack({
    worker: false,
    overrides: { LOG_LEVEL: 'debug', PUBLIC_RATE_PER_ADDRESS: '100000' },
    logSink: { write: (line) => lines.push(line) },
  });

  it('writes none of the values, whatever the route', async () => {
    const mark = uniquePhone().slice(-6);
    const phone = uniquePhone();
    const secrets = {
      q: `我家孩子上幼儿园报名材料${mark}`,
      text: `王小二${mark}`,
      apiKey: `key-${mark}-Zq`,
      accessToken: `eyJ${mark}.tok`,
      token: `tok${mark}X`,
      password: `pw-${mark}-secret`,
      callerName: `赵七${mark}`,
      phone,
      description: `楼道里堆满杂物${mark}`,
      answer: `请拨打0411-8${mark.slice(0, 3)}${mark.slice(-4)}咨询${mark}`,
      email: `z${mark}@example.com`,
    };
    const enc = encodeURIComponent;
    const operator = await stack.client.token('operator');
    const get = (path: string) => stack.client.request('GET', path, { token: operator });

    // Query strings: the knowledge search (the caller's words), the case search, credentials in URLs.
    expect((await get(`/api/v1/knowledge?q=${enc(secrets.q)}`)).status).toBe(200);
    expect((await get(`/api/v1/cases?text=${enc(secrets.text)}`)).status).toBe(200);
    await get(
      `/api/v1/cases?access_token=${enc(secrets.accessToken)}&token=${enc(secrets.token)}&password=${enc(secrets.password)}`,
    );
    await stack.client.request('GET', `/open311/v2/requests.json?api_key=${enc(secrets.apiKey)}&phone=${phone}`);

    // Bodies: sign-in, intake, a direct answer, an Open311 form.
    expect(
      (await stack.client.request('POST', '/api/v1/auth/login', { body: { username: 'operator', password: secrets.password } }))
        .status,
    ).toBe(401);
    const consultation = await stack.client.request<CaseBody>('POST', '/api/v1/cases', {
      token: operator,
      body: heatingComplaint({
        kind: 'consultation',
        callerName: secrets.callerName,
        callerPhone: phone,
        description: secrets.description,
      }),
    });
    expect(consultation.status).toBe(201);
    const answered = await stack.client.request<CaseBody>('POST', `/api/v1/cases/${consultation.body.id}/direct-answer`, {
      token: operator,
      body: { answer: secrets.answer },
    });
    expect(answered.status).toBe(200);
    const form = new URLSearchParams({
      api_key: 'demo-open311-key',
      service_code: 'heating.no-heat',
      lat: String(BAIYUN_POINT.lat),
      long: String(BAIYUN_POINT.lng),
      'attribute[room_temperature]': '14',
      first_name: secrets.callerName,
      phone,
      email: secrets.email,
      description: secrets.description,
    });
    const posted = await fetch(`${stack.api.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(posted.status).toBe(201);
    const [{ token: open311Token }] = (await posted.json()) as Array<{ token: string }>;

    // Paths: a caller's history, an Open311 token, the citizen's status look-up.
    expect((await get(`/api/v1/callers/${phone}/cases`)).status).toBe(200);
    expect((await stack.client.request('GET', `/open311/v2/tokens/${open311Token}.json`)).status).toBe(200);
    expect(
      (await stack.client.request('GET', `/api/v1/public/cases/${consultation.body.caseNo}?phoneLast4=${phone.slice(-4)}`))
        .status,
    ).toBe(200);

    const output = lines.join('');
    for (const route of [
      '/api/v1/knowledge?q=[redacted]',
      '/api/v1/cases?text=[redacted]',
      '/api/v1/callers/[redacted]/cases',
      '/open311/v2/tokens/[redacted]',
      'api_key=[redacted]',
      '/direct-answer',
    ]) {
      expect({ route, logged: output.includes(route) }).toEqual({ route, logged: true });
    }
    const values = [...Object.values(secrets), open311Token];
    for (const value of values) {
      for (const form of [value, enc(value)])
        expect({ value: form, found: output.includes(form) }).toEqual({ value: form, found: false });
    }
  });
});
