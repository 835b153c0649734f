import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AddressRegisterService } from '@hotline/addresses';
import { AppConfig } from '@hotline/config';
import { sqlExec, sqlRow, sqlRows } from '@hotline/database';
import type { RequestWindow, ServiceRequestForm, ServiceRequestRecord } from '@hotline/open311';
import { maskPersonalData } from '@hotline/privacy';
import { ReferenceDataService } from '@hotline/reference';
import type { FieldProblem } from '@hotline/errors';
import { toZonedIso } from '../http/zoned-time';
import { Open311Invalid, Open311NotFound } from './open311-errors';
import { Open311RequestsService, type Open311Client } from './open311-requests.service';

/** How long a test request can be read back; each new one removes those older. */
const KEPT_DAYS = 7;

interface TestRow {
  serviceRequestId: string;
  token: string;
  serviceCode: string;
  description: string;
  address: string;
  lat: number | null;
  lng: number | null;
  gridCode: string | null;
  mediaUrl: string | null;
  createdAt: Date;
}

const COLUMNS = `service_request_id AS "serviceRequestId", token, service_code AS "serviceCode", description, address, lat, lng,
  grid_code AS "gridCode", media_url AS "mediaUrl", created_at AS "createdAt"`;

/**
 * The Open311 test endpoint (/open311/v2/test, discovery's `test` entry), what a GeoReport v2 test
 * endpoint is for: a client developer's requests go through the production endpoint's own checks (api_key,
 * jurisdiction, service, attributes, contact, address_id, a point inside the district: the same 400s and
 * 403s) and are answered as it answers (a token, then a `TEST…` service_request_id the client can read
 * back through tokens/ and requests/), but they are kept in open311_test_requests, never made cases: no
 * department sees them, no message goes out, no figure counts them. The status stays `open`, and the
 * note says which grid the request would have gone to.
 */
@Injectable()
export class Open311TestRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: Open311RequestsService,
    private readonly register: AddressRegisterService,
    private readonly reference: ReferenceDataService,
    private readonly config: AppConfig,
  ) {}

  async submit(
    form: ServiceRequestForm,
    client: Open311Client,
    formProblems: FieldProblem[],
  ): Promise<{ token: string; service_notice: string; account_id: string | null }> {
    const command = await this.requests.command(form, client, formProblems);
    const snapshot = await this.reference.current();
    let gridCode: string | null = null;
    if (command.lat !== undefined && command.lng !== undefined) {
      // The check intake makes of a point, in the production endpoint's words.
      if (!snapshot.gridIndex.contains(command.lng, command.lat)) {
        throw new Open311Invalid([{ field: 'lat', reason: 'the point (lat, long) lies outside the district' }]);
      }
      gridCode = snapshot.gridIndex.locate(command.lng, command.lat)?.code ?? null;
    } else if (command.communityCode === undefined && form.addressString !== undefined) {
      const match = await this.register.matchText(form.addressString);
      gridCode = match.placed?.grid.code ?? null;
    }
    const token = randomBytes(18).toString('base64url');
    const serviceRequestId = `TEST${randomBytes(6).toString('hex').toUpperCase()}`;
    await this.dataSource.transaction(async (manager) => {
      await sqlExec(manager, `DELETE FROM open311_test_requests WHERE created_at < now() - make_interval(days => $1)`, [
        KEPT_DAYS,
      ]);
      await sqlExec(
        manager,
        `INSERT INTO open311_test_requests (service_request_id, token, client_id, service_code, description, address, lat, lng, grid_code, media_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          serviceRequestId,
          token,
          client.id,
          command.categoryCode,
          command.description,
          (command.address ?? '').slice(0, 500),
          command.lat ?? null,
          command.lng ?? null,
          gridCode,
          form.mediaUrls[0] ?? null,
        ],
      );
    });
    return {
      token,
      service_notice: `测试端点：请求已校验并保存 ${KEPT_DAYS} 天，不受理、不派单、不计入统计。`,
      account_id: form.accountId ?? null,
    };
  }

  async byToken(token: string): Promise<{ service_request_id: string; token: string }> {
    const row = await sqlRow<{ id: string }>(
      this.dataSource,
      `SELECT service_request_id AS id FROM open311_test_requests WHERE token = $1`,
      [token],
    );
    if (!row) throw new Open311NotFound(`token ${token} was not found on the test endpoint`);
    return { service_request_id: row.id, token };
  }

  async one(id: string): Promise<ServiceRequestRecord> {
    const row = await sqlRow<TestRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM open311_test_requests WHERE service_request_id = $1`,
      [id],
    );
    if (!row) throw new Open311NotFound(`service_request_id ${id} was not found on the test endpoint`);
    return this.record(row);
  }

  /** GET requests on the test endpoint: its own requests, by id or in the window, newest first. */
  async find(query: {
    serviceRequestIds?: string[];
    window: RequestWindow;
    page: number;
    pageSize: number;
  }): Promise<ServiceRequestRecord[]> {
    const rows = await sqlRows<TestRow>(
      this.dataSource,
      query.serviceRequestIds
        ? `SELECT ${COLUMNS} FROM open311_test_requests WHERE service_request_id = ANY($1) ORDER BY created_at DESC LIMIT $2 OFFSET $3`
        : `SELECT ${COLUMNS} FROM open311_test_requests WHERE created_at >= $1 AND created_at <= $4 ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
      query.serviceRequestIds
        ? [query.serviceRequestIds, query.pageSize, (query.page - 1) * query.pageSize]
        : [query.window.from, query.pageSize, (query.page - 1) * query.pageSize, query.window.to],
    );
    return Promise.all(rows.map((row) => this.record(row)));
  }

  private async record(row: TestRow): Promise<ServiceRequestRecord> {
    const snapshot = await this.reference.current();
    const at = toZonedIso(row.createdAt, this.config.DISTRICT_TIMEZONE);
    return {
      service_request_id: row.serviceRequestId,
      status: 'open',
      status_notes: row.gridCode ? `测试请求，未受理；将落在网格 ${row.gridCode}` : '测试请求，未受理；将进入待定位',
      service_name: snapshot.categoriesByCode.get(row.serviceCode)?.name ?? null,
      service_code: row.serviceCode,
      description: maskPersonalData(row.description),
      agency_responsible: null,
      service_notice: null,
      requested_datetime: at,
      updated_datetime: at,
      expected_datetime: null,
      address: maskPersonalData(row.address),
      address_id: null,
      zipcode: null,
      lat: row.lat,
      long: row.lng,
      media_url: row.mediaUrl,
    };
  }
}
