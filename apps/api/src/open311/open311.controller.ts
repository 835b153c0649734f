import { Controller, Get, HttpCode, Ip, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@hotline/auth';
import { AppConfig } from '@hotline/config';
import type { FieldProblem } from '@hotline/errors';
import { boundsDescription, parseBoundedNumber } from '@hotline/input';
import {
  OPEN311_STATUSES,
  parseServiceRequestForm,
  renderOpen311,
  requestWindow,
  SPEC_URL,
  type Open311Format,
  type Open311Status,
} from '@hotline/open311';
import { MAX_PAGE } from '../http/page-query.dto';
import { PublicRateLimiter } from '../public/public-rate-limiter';
import { Open311CatalogService } from './open311-catalog.service';
import { Open311ErrorFilter } from './open311-error.filter';
import { Open311Invalid, Open311NotFound } from './open311-errors';
import { formatOfPath, splitResource } from './open311-format';
import { Open311RequestsService } from './open311-requests.service';
import { Open311TestRequestsService } from './open311-test-requests.service';

type QueryArgs = Record<string, string | string[] | undefined>;

/** The test endpoint's path under /open311/v2 (discovery's `test` entry; see Open311TestRequestsService). */
const TEST_ENDPOINT = 'test';
const isTest = (req: Request) => req.path.startsWith(`/open311/v2/${TEST_ENDPOINT}/`);

// api_key is not needed to read, but many clients send it on every call.
const GET_REQUESTS_ARGUMENTS = new Set([
  'api_key',
  'jurisdiction_id',
  'service_request_id',
  'service_code',
  'start_date',
  'end_date',
  'status',
  'page',
  'page_size',
]);
const MAX_PAGE_SIZE = 1000;

function one(query: QueryArgs, name: string, problems: FieldProblem[]): string | undefined {
  const raw = query[name];
  if (Array.isArray(raw)) {
    problems.push({ field: name, reason: 'was sent more than once; separate several values by commas' });
    return undefined;
  }
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return items && items.length > 0 ? items : undefined;
}

function positiveInt(value: string | undefined, field: string, max: number, fallback: number, problems: FieldProblem[]): number {
  if (value === undefined) return fallback;
  const bounds = { min: 1, max, integer: true };
  const n = parseBoundedNumber(value, bounds);
  if (n === null) problems.push({ field, reason: `must be ${boundsDescription(bounds)}` });
  return n ?? fallback;
}

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under /open311/v2, in XML and JSON: every
 * method of the spec plus discovery. No sign-in; POST requests needs an api_key. Every route counts
 * against the per-address limit; errors are the spec's list of {code, description}.
 */
@ApiExcludeController()
@Public()
@UseFilters(Open311ErrorFilter)
@Controller(['open311/v2', `open311/v2/${TEST_ENDPOINT}`])
export class Open311Controller {
  constructor(
    private readonly catalog: Open311CatalogService,
    private readonly requests: Open311RequestsService,
    private readonly testRequests: Open311TestRequestsService,
    private readonly limiter: PublicRateLimiter,
    private readonly config: AppConfig,
  ) {}

  @Get(['discovery.json', 'discovery.xml'])
  async discovery(@Req() req: Request, @Res() res: Response, @Ip() ip: string) {
    await this.limiter.consume(this.limiter.perAddress(), ip);
    const changeset = '2026-11-22T00:00:00+08:00';
    // From configuration, never from the Host header: a forged Host must not be echoed to clients as our address.
    const url = `${this.config.PUBLIC_BASE_URL}/open311/v2`;
    this.send(res, req, 'discovery', {
      changeset,
      contact: '西岗区 365 市民服务热线（83658365 / 12345），工作日 8:30–17:00',
      key_service: '向热线管理员申请 api_key（POST /api/v1/open311/clients）',
      endpoints: [
        { specification: SPEC_URL, url, changeset, type: 'production', formats: ['text/xml', 'application/json'] },
        // Same key, same checks, same answers; its requests are kept apart and never become cases.
        {
          specification: SPEC_URL,
          url: `${url}/${TEST_ENDPOINT}`,
          changeset,
          type: 'test',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
  }

  @Get(['services.json', 'services.xml'])
  async services(@Query() query: QueryArgs, @Req() req: Request, @Res() res: Response, @Ip() ip: string) {
    await this.limiter.consume(this.limiter.perAddress(), ip);
    this.requests.checkJurisdiction(one(query, 'jurisdiction_id', []));
    const services = await this.catalog.services();
    this.send(
      res,
      req,
      'services',
      services.map((s) => Open311CatalogService.record(s)),
    );
  }

  @Get('services/:file')
  async serviceDefinition(
    @Param('file') file: string,
    @Query() query: QueryArgs,
    @Req() req: Request,
    @Res() res: Response,
    @Ip() ip: string,
  ) {
    await this.limiter.consume(this.limiter.perAddress(), ip);
    const { id } = splitResource(file);
    this.requests.checkJurisdiction(one(query, 'jurisdiction_id', []));
    const service = await this.catalog.service(id);
    if (!service) throw new Open311NotFound(`service_code ${id} was not found; see GET services`);
    this.send(res, req, 'service_definition', {
      service_code: service.category.code,
      attributes: service.attributes.map((a) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatypeDescription,
        order: a.order,
        description: a.description,
        values: a.values.map((v) => ({ key: v.key, name: v.name })),
      })),
    });
  }

  /** Form-encoded, with api_key. 201 with [{token, service_notice, account_id}]. */
  @Post(['requests.json', 'requests.xml'])
  @HttpCode(201)
  async create(@Req() req: Request, @Res() res: Response, @Ip() ip: string) {
    await this.limiter.consume(this.limiter.perAddress(), ip);
    if (!req.is('application/x-www-form-urlencoded')) {
      throw new Open311Invalid([{ field: 'Content-Type', reason: 'must be application/x-www-form-urlencoded' }]);
    }
    const { form, problems } = parseServiceRequestForm((req.body ?? {}) as Record<string, string | string[]>);
    // The key is checked first: a client without a valid key learns nothing about its form.
    const client = await this.requests.authenticate(form.apiKey);
    const created = await (isTest(req) ? this.testRequests : this.requests).submit(form, client, problems);
    res.status(201);
    this.send(res, req, 'service_requests', [created]);
  }

  @Get('tokens/:file')
  async token(
    @Param('file') file: string,
    @Query() query: QueryArgs,
    @Req() req: Request,
    @Res() res: Response,
    @Ip() ip: string,
  ) {
    await this.limiter.consume(this.limiter.perAddress(), ip);
    const { id } = splitResource(file);
    this.requests.checkJurisdiction(one(query, 'jurisdiction_id', []));
    this.send(res, req, 'service_requests', [await (isTest(req) ? this.testRequests : this.requests).byToken(id)]);
  }

  @Get(['requests.json', 'requests.xml'])
  async list(@Query() query: QueryArgs, @Req() req: Request, @Res() res: Response, @Ip() ip: string) {
    await this.limiter.consume(this.limiter.perAddress(), ip);
    const problems: FieldProblem[] = [];
    for (const key of Object.keys(query)) {
      if (!GET_REQUESTS_ARGUMENTS.has(key)) problems.push({ field: key, reason: 'is not an argument of GET requests' });
    }
    this.requests.checkJurisdiction(one(query, 'jurisdiction_id', problems));
    const statuses = list(one(query, 'status', problems));
    for (const s of statuses ?? []) {
      if (!(OPEN311_STATUSES as readonly string[]).includes(s))
        problems.push({ field: 'status', reason: `${s} is not one of open, closed` });
    }
    const { window, problems: windowProblems } = requestWindow(
      one(query, 'start_date', problems),
      one(query, 'end_date', problems),
      new Date(),
      this.config.DISTRICT_TIMEZONE,
    );
    problems.push(...windowProblems);
    const page = positiveInt(one(query, 'page', problems), 'page', MAX_PAGE, 1, problems);
    const pageSize = positiveInt(one(query, 'page_size', problems), 'page_size', MAX_PAGE_SIZE, MAX_PAGE_SIZE, problems);
    const serviceRequestIds = list(one(query, 'service_request_id', problems));
    const serviceCodes = list(one(query, 'service_code', problems));
    if (problems.length > 0 || !window) throw new Open311Invalid(problems);
    const records = await (isTest(req) ? this.testRequests : this.requests).find({
      serviceRequestIds,
      serviceCodes,
      statuses: statuses as Open311Status[] | undefined,
      window,
      page,
      pageSize,
    });
    this.send(res, req, 'service_requests', records);
  }

  @Get('requests/:file')
  async one(@Param('file') file: string, @Query() query: QueryArgs, @Req() req: Request, @Res() res: Response, @Ip() ip: string) {
    await this.limiter.consume(this.limiter.perAddress(), ip);
    const { id } = splitResource(file);
    this.requests.checkJurisdiction(one(query, 'jurisdiction_id', []));
    this.send(res, req, 'service_requests', [await (isTest(req) ? this.testRequests : this.requests).one(id)]);
  }

  private send(res: Response, req: Request, root: string, value: Parameters<typeof renderOpen311>[2]): void {
    const format: Open311Format = formatOfPath(req.path) ?? 'xml';
    const rendered = renderOpen311(format, root, value);
    res.type(rendered.contentType).send(rendered.body);
  }
}
