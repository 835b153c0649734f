import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recordAudit, type AuditActor } from '@hotline/audit';
import { enterpriseAuditView, normalizeUscc, usccProblem, type EnterpriseContactField } from '@hotline/enterprises';
import { ConflictError, FieldProblem, InputInvalid, NotFound } from '@hotline/errors';
import { PersonalDataCipher } from '@hotline/privacy';
import { ReferenceDataService } from '@hotline/reference';
import type { CreateEnterpriseDto, UpdateEnterpriseDto } from './enterprise.dto';
import { sqlRow, sqlRows, type SqlParam } from '@hotline/database';

export interface EnterpriseView {
  id: string;
  uscc: string;
  name: string;
  industry: string;
  street: { code: string; name: string } | null;
  contact: { name: string; phone: string };
  responsibleUser: { id: string; username: string; displayName: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `e.id, e.uscc, e.name, e.industry, e.street_id AS "streetId", e.contact_name_sealed AS "contactNameSealed",
  e.contact_phone_sealed AS "contactPhoneSealed", e.responsible_user_id AS "responsibleUserId", u.username, u.display_name AS "displayName",
  e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

/** The enterprise's own columns (no join), as the audit view reads them. */
const BARE_COLUMNS = `e.uscc, e.name, e.industry, e.street_id AS "streetId", e.responsible_user_id AS "responsibleUserId"`;

/** One row of COLUMNS. */
interface EnterpriseRow {
  id: string;
  uscc: string;
  name: string;
  industry: string;
  streetId: string | null;
  contactNameSealed: string;
  contactPhoneSealed: string;
  responsibleUserId: string | null;
  username: string | null;
  displayName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** 企业库: the register of the district's enterprises that raise 企业诉求. */
@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async list(): Promise<EnterpriseView[]> {
    const rows = await sqlRows<EnterpriseRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM enterprises e LEFT JOIN users u ON u.id = e.responsible_user_id ORDER BY e.name`,
    );
    return Promise.all(rows.map((r) => this.toView(r)));
  }

  async get(uscc: string): Promise<EnterpriseView> {
    return this.toView(await this.row(uscc));
  }

  /** The enterprise's id; 404 for an unregistered code, 400 for a code that is not a USCC at all. */
  async idOf(uscc: string): Promise<string> {
    return (await this.row(uscc)).id;
  }

  /** A new enterprise and its audit row (contact left out) in one transaction; 409 when the code is taken. */
  async create(body: CreateEnterpriseDto, actor: AuditActor): Promise<EnterpriseView> {
    const problems = await this.check(body);
    const problem = usccProblem(body.uscc);
    if (problem) problems.unshift({ field: 'uscc', reason: problem });
    if (problems.length > 0) throw new InputInvalid(problems);
    const snapshot = await this.reference.current();
    const streetId = body.streetCode ? snapshot.streetsByCode.get(body.streetCode)!.id : null;
    const responsibleUserId = body.responsibleUserId ?? null;
    await this.dataSource.transaction(async (manager) => {
      const row = await sqlRow<{ uscc: string }>(
        manager,
        `INSERT INTO enterprises (uscc, name, industry, street_id, contact_name_sealed, contact_phone_sealed, responsible_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (uscc) DO NOTHING RETURNING uscc`,
        [
          body.uscc,
          body.name,
          body.industry,
          streetId,
          this.cipher.encrypt(body.contactName),
          this.cipher.encrypt(body.contactPhone),
          responsibleUserId,
        ],
      );
      if (!row) throw new ConflictError('EnterpriseExists', `An enterprise with code ${body.uscc} is already registered`);
      await recordAudit(manager, actor, {
        entity: 'enterprise',
        entityId: body.uscc,
        action: 'create',
        after: enterpriseAuditView({ uscc: body.uscc, name: body.name, industry: body.industry, streetId, responsibleUserId }),
      });
    });
    return this.get(body.uscc);
  }

  /** Changes the fields given, with an audit row of before and after (contact: only which part changed). */
  async update(uscc: string, body: UpdateEnterpriseDto, actor: AuditActor): Promise<EnterpriseView> {
    const existing = await this.row(uscc);
    const problems = await this.check(body);
    if (problems.length > 0) throw new InputInvalid(problems);
    const snapshot = await this.reference.current();
    const sets: string[] = [];
    const params: SqlParam[] = [existing.id];
    const set = (column: string, value: SqlParam) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (body.name !== undefined) set('name', body.name);
    if (body.industry !== undefined) set('industry', body.industry);
    if (body.streetCode !== undefined) set('street_id', snapshot.streetsByCode.get(body.streetCode)!.id);
    if (body.contactName !== undefined) set('contact_name_sealed', this.cipher.encrypt(body.contactName));
    if (body.contactPhone !== undefined) set('contact_phone_sealed', this.cipher.encrypt(body.contactPhone));
    if (body.responsibleUserId !== undefined) set('responsible_user_id', body.responsibleUserId);
    if (sets.length === 0) return this.get(existing.uscc);
    const contactChanged: EnterpriseContactField[] = [];
    if (body.contactName !== undefined) contactChanged.push('contactName');
    if (body.contactPhone !== undefined) contactChanged.push('contactPhone');
    await this.dataSource.transaction(async (manager) => {
      // Read again under the row lock: the audit's "before" is the row this update replaces.
      const before = await sqlRow<EnterpriseRow>(
        manager,
        `SELECT ${BARE_COLUMNS} FROM enterprises e WHERE e.id = $1 FOR UPDATE`,
        [existing.id],
      );
      const after = await sqlRow<EnterpriseRow>(
        manager,
        `UPDATE enterprises e SET ${sets.join(', ')}, updated_at = now() WHERE e.id = $1 RETURNING ${BARE_COLUMNS}`,
        params,
      );
      await recordAudit(manager, actor, {
        entity: 'enterprise',
        entityId: existing.uscc,
        action: 'update',
        before: enterpriseAuditView(before!),
        after: enterpriseAuditView(after!, contactChanged),
      });
    });
    return this.get(existing.uscc);
  }

  private async check(body: { streetCode?: string; responsibleUserId?: string | null }): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const snapshot = await this.reference.current();
    if (body.streetCode !== undefined && !snapshot.streetsByCode.has(body.streetCode)) {
      problems.push({ field: 'streetCode', reason: `unknown street "${body.streetCode}"` });
    }
    if (body.responsibleUserId) {
      const user = await sqlRow<{ id: string }>(this.dataSource, `SELECT id FROM users WHERE id = $1 AND active`, [
        body.responsibleUserId,
      ]);
      if (!user) problems.push({ field: 'responsibleUserId', reason: 'no active user has this id' });
    }
    return problems;
  }

  private async row(input: string): Promise<EnterpriseRow> {
    const uscc = normalizeUscc(input);
    const problem = usccProblem(uscc);
    if (problem) throw new InputInvalid([{ field: 'uscc', reason: problem }]);
    const row = await sqlRow<EnterpriseRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM enterprises e LEFT JOIN users u ON u.id = e.responsible_user_id WHERE e.uscc = $1`,
      [uscc],
    );
    if (!row) throw new NotFound('Enterprise', uscc);
    return row;
  }

  private async toView(r: EnterpriseRow): Promise<EnterpriseView> {
    const snapshot = await this.reference.current();
    const street = r.streetId ? snapshot.streetsById.get(r.streetId) : undefined;
    return {
      id: r.id,
      uscc: r.uscc,
      name: r.name,
      industry: r.industry,
      street: street ? { code: street.code, name: street.name } : null,
      contact: { name: this.cipher.decrypt(r.contactNameSealed), phone: this.cipher.decrypt(r.contactPhoneSealed) },
      responsibleUser: r.responsibleUserId
        ? { id: r.responsibleUserId, username: r.username!, displayName: r.displayName! }
        : null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }
}
