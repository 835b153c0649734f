import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  caseNoOfOpen311Token,
  CaseIntakeService,
  publicRequestRows,
  type IntakeCommand,
  type PublicRequestFilter,
  type PublicRequestRow,
} from '@hotline/cases';
import { sqlExec, sqlRow } from '@hotline/database';
import { HotlineMetrics } from '@hotline/metrics';
import { AppConfig } from '@hotline/config';
import { requestTypeOfCategory } from '@hotline/enterprises';
import { DomainError, type FieldProblem } from '@hotline/errors';
import {
  CASE_STATUSES_BY_OPEN311,
  checkAttributes,
  hashApiKey,
  type Open311Status,
  type RequestWindow,
  type ServiceRequestForm,
  type ServiceRequestRecord,
} from '@hotline/open311';
import { normalizePhone, PersonalDataCipher, PHONE_PATTERN } from '@hotline/privacy';
import { ReferenceDataService } from '@hotline/reference';
import { computeStageDeadline, selectPolicy, type CaseKind, type CasePriority, type SlaPolicy } from '@hotline/sla';
import { SlaSettingsService } from '@hotline/sla-runtime';
import { PublicRateLimiter } from '../public/public-rate-limiter';
import { Open311CatalogService } from './open311-catalog.service';
import { Open311Invalid, Open311KeyRefused, Open311NotFound } from './open311-errors';
import { serviceNotice, toServiceRequest } from './request-presenter';

/** An intake refusal in Open311's words: each field named as the client sent it. */
export function open311Refusal(error: unknown): unknown {
  if (error instanceof DomainError && error.kind === 'invalid') {
    return new Open311Invalid(
      error.details.map((p: FieldProblem) => ({ field: FORM_FIELD[p.field] ?? p.field, reason: p.reason })),
    );
  }
  return error;
}

export interface Open311Client {
  id: string;
  code: string;
  name: string;
  rateLimitPerMinute: number;
}

export interface RequestQuery {
  serviceRequestIds?: string[];
  serviceCodes?: string[];
  window: RequestWindow;
  statuses?: Open311Status[];
  page: number;
  pageSize: number;
}

/** Intake field names → the Open311 argument the client sent. */
const FORM_FIELD: Record<string, string> = {
  categoryCode: 'service_code',
  lat: 'lat',
  lng: 'long',
  communityCode: 'address_id',
  enterpriseUscc: 'attribute[uscc]',
  callerName: 'first_name',
  callerPhone: 'phone',
  title: 'description',
  description: 'description',
  address: 'address_string',
};

/**
 * Open311 requests over the case services: a POST goes through the same intake as an operator's call
 * (validation, grid, outbox → routing, SLA), and reads show cases without personal data.
 */
@Injectable()
export class Open311RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly catalog: Open311CatalogService,
    private readonly reference: ReferenceDataService,
    private readonly sla: SlaSettingsService,
    private readonly cipher: PersonalDataCipher,
    private readonly limiter: PublicRateLimiter,
    private readonly config: AppConfig,
    private readonly metrics: HotlineMetrics,
  ) {}

  checkJurisdiction(jurisdictionId: string | undefined): void {
    if (jurisdictionId !== undefined && jurisdictionId !== '' && jurisdictionId !== this.config.OPEN311_JURISDICTION_ID) {
      throw new Open311NotFound(
        `jurisdiction_id ${jurisdictionId} was not found; this endpoint serves ${this.config.OPEN311_JURISDICTION_ID}`,
      );
    }
  }

  /** The active client holding this key (403 otherwise), after counting the request against its limit. */
  async authenticate(apiKey: string | undefined): Promise<Open311Client> {
    if (!apiKey) throw new Open311KeyRefused('api_key is required to create a request');
    const client = await sqlRow<Open311Client>(
      this.dataSource,
      `SELECT id, code, name, rate_limit_per_minute AS "rateLimitPerMinute" FROM open311_clients WHERE api_key_hash = $1 AND active`,
      [hashApiKey(apiKey)],
    );
    if (!client) throw new Open311KeyRefused("Invalid api_key received -- can't proceed with create_request");
    await this.limiter.consume({ bucket: 'open311-key', points: client.rateLimitPerMinute, durationSeconds: 60 }, client.id);
    return client;
  }

  /** POST requests: the case is created synchronously; the answer carries a token (type "batch"). */
  async submit(
    form: ServiceRequestForm,
    client: Open311Client,
    formProblems: FieldProblem[],
  ): Promise<{ token: string; service_notice: string; account_id: string | null }> {
    const { attributes, ...command } = await this.command(form, client, formProblems);
    const token = randomBytes(18).toString('base64url');
    try {
      await this.intake.receive(
        command,
        { id: null, name: client.name, role: 'open311' },
        undefined,
        async (manager, created) => {
          await sqlExec(
            manager,
            `INSERT INTO open311_requests (case_id, client_id, token, attributes, account_id, email_sealed, device_id_sealed, address_id, media_url, media_urls)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10)`,
            [
              created.id,
              client.id,
              token,
              JSON.stringify(attributes),
              form.accountId ?? null,
              form.email ? this.cipher.encrypt(form.email) : null,
              form.deviceId ? this.cipher.encrypt(form.deviceId) : null,
              form.addressId ?? null,
              form.mediaUrls[0] ?? null,
              form.mediaUrls,
            ],
          );
        },
      );
    } catch (error) {
      throw open311Refusal(error);
    }
    this.metrics.casesReceived.inc({ channel: 'open311', kind: command.kind });
    const policy = await this.policyFor(command.kind, command.categoryCode, command.priority);
    return { token, service_notice: serviceNotice(policy), account_id: form.accountId ?? null };
  }

  /**
   * A request form checked as both endpoints check it (jurisdiction, service, attributes, contact,
   * address_id; every problem at once, 400) and turned into the intake command it stands for, with the
   * service's attribute values. The production endpoint takes it in; the test endpoint only keeps it.
   */
  async command(
    form: ServiceRequestForm,
    client: Open311Client,
    formProblems: FieldProblem[],
  ): Promise<IntakeCommand & { attributes: Record<string, unknown> }> {
    this.checkJurisdiction(form.jurisdictionId);
    if (!form.serviceCode) throw new Open311Invalid(formProblems);
    const service = await this.catalog.service(form.serviceCode);
    if (!service) throw new Open311NotFound(`service_code ${form.serviceCode} was not found; see GET services`);
    // Every problem at once: the form's and the service's attributes.
    const { values, problems: attributeProblems } = checkAttributes(service.attributes, form.attributes);
    const problems = [...formProblems, ...attributeProblems];
    // The spec makes every contact optional, and FixMyStreet's ordinary reports carry an e-mail and no phone.
    // A phone, when sent, must be one; without one the callback (回访) goes by the e-mail, or is recorded as
    // an unanswered attempt when there is none (README "Open311").
    if (form.phone !== undefined && !PHONE_PATTERN.test(normalizePhone(form.phone))) {
      problems.push({ field: 'phone', reason: 'must be a mobile (11 digits), a landline with area code, or a local number' });
    }
    const snapshot = await this.reference.current();
    if (form.addressId !== undefined && !snapshot.communitiesByCode.has(form.addressId)) {
      problems.push({
        field: 'address_id',
        reason: `unknown address_id ${form.addressId}; use a community code of GET /api/v1/grids`,
      });
    }
    if (problems.length > 0) throw new Open311Invalid(problems);

    const category = service.category;
    const enterprise = requestTypeOfCategory(category.code) !== null;
    const description = form.description ?? category.name;
    const firstLine = description.split(/\r?\n/)[0].trim();
    const title = (firstLine.length >= 2 ? firstLine : category.name).slice(0, 60);
    const community = form.addressId ? snapshot.communitiesByCode.get(form.addressId) : undefined;
    const located =
      form.lat !== undefined && form.long !== undefined && snapshot.gridIndex.contains(form.long, form.lat)
        ? snapshot.gridIndex.locate(form.long, form.lat)
        : null;
    const place = community ?? located?.community;
    const street = community?.street ?? located?.street;
    const address = form.addressString ?? ([place?.name, street?.name].filter(Boolean).join('，') || `${form.lat}, ${form.long}`);
    const command: IntakeCommand = {
      kind: enterprise ? 'enterpriseRequest' : 'complaint',
      categoryCode: category.code,
      channel: `open311:${client.code}`,
      priority: 'normal',
      title,
      description,
      address,
      ...(form.lat !== undefined && form.long !== undefined ? { lat: form.lat, lng: form.long } : {}),
      ...(form.addressId !== undefined ? { communityCode: form.addressId } : {}),
      // A client cannot choose among candidates: an address_string that names no single register entry is
      // taken in unplaced, for the dispatchers' 待定位 queue.
      placeLater: true,
      callerName: [form.lastName, form.firstName].filter(Boolean).join('') || '匿名',
      ...(form.phone !== undefined ? { callerPhone: normalizePhone(form.phone) } : {}),
      confidential: false,
      ...(enterprise && typeof values.uscc === 'string' ? { enterpriseUscc: values.uscc } : {}),
    };
    return { ...command, attributes: values };
  }

  /** GET tokens/{token}: the request id the token stands for (404 for an unknown token). */
  async byToken(token: string): Promise<{ service_request_id: string; token: string }> {
    const caseNo = await caseNoOfOpen311Token(this.dataSource, token);
    if (caseNo === undefined) throw new Open311NotFound(`token ${token} was not found`);
    return { service_request_id: caseNo, token };
  }

  async one(caseNo: string): Promise<ServiceRequestRecord> {
    const [record] = await this.find({
      serviceRequestIds: [caseNo],
      window: { from: new Date(0), to: new Date(8.64e15) },
      page: 1,
      pageSize: 1,
    });
    if (!record) throw new Open311NotFound(`service_request_id ${caseNo} was not found`);
    return record;
  }

  /**
   * GET requests. service_request_id overrides the other arguments, as the spec says; otherwise the
   * window of requested_datetime applies (at most 90 days). Confidential cases (举报) never appear.
   */
  async find(query: RequestQuery): Promise<ServiceRequestRecord[]> {
    const paging = { page: query.page, pageSize: query.pageSize };
    let filter: PublicRequestFilter;
    if (query.serviceRequestIds) {
      filter = { caseNos: query.serviceRequestIds, ...paging };
    } else {
      let categoryIds: string[] | undefined;
      if (query.serviceCodes) {
        const snapshot = await this.reference.current();
        categoryIds = query.serviceCodes.flatMap((code) => snapshot.categoriesByCode.get(code)?.id ?? []);
      }
      filter = {
        receivedFrom: query.window.from,
        receivedTo: query.window.to,
        categoryIds,
        handlingStatuses: query.statuses?.flatMap((s) => CASE_STATUSES_BY_OPEN311[s]),
        ...paging,
      };
    }
    const rows = await publicRequestRows(this.dataSource, filter);
    const snapshot = await this.reference.current();
    const { policies, calendar } = await this.sla.current();
    return rows.map((row) => {
      const categoryCode = snapshot.categoriesById.get(row.handlingCategoryId)?.code;
      const policy = selectPolicy(policies, {
        kind: row.handlingKind as CaseKind,
        categoryCode,
        priority: row.handlingPriority as CasePriority,
      });
      return toServiceRequest(
        row,
        snapshot,
        this.expected(row, policy, calendar),
        serviceNotice(policy),
        this.config.DISTRICT_TIMEZONE,
      );
    });
  }

  /**
   * expected_datetime: the reply deadline (办结时限) of the handling case, extensions included; before a
   * department has accepted, the deadline its SLA gives counted from the dispatch; before dispatch, none.
   */
  private expected(row: PublicRequestRow, policy: SlaPolicy, calendar: Parameters<typeof computeStageDeadline>[3]): Date | null {
    if (row.replyDeadline) return new Date(row.replyDeadline);
    if (row.handlingDispatchedAt && row.handlingStatus === 'dispatched') {
      return computeStageDeadline(policy, 'reply', new Date(row.handlingDispatchedAt), calendar).deadline;
    }
    return null;
  }

  private async policyFor(kind: string, categoryCode: string, priority: string): Promise<SlaPolicy> {
    const { policies } = await this.sla.current();
    return selectPolicy(policies, { kind: kind as CaseKind, categoryCode, priority: priority as CasePriority });
  }
}
