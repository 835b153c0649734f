import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataCipher } from '@hotline/privacy';
import type { WebhookBody } from './notification';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';
import { sqlExec, sqlRow, sqlRows } from '@hotline/database';

const WEBHOOK_TIMEOUT_MS = 5000;

export type DeliveryOutcome = 'webhook' | 'inbox' | 'alreadyDelivered' | 'missing';

interface DeliveryRow {
  id: string;
  type: string;
  caseId: string | null;
  title: string;
  data: Record<string, unknown>;
  createdAt: Date;
  deliveredAt: Date | null;
  webhookUrl: string | null;
  webhookSecretSealed: string | null;
}

/** The webhook refused or did not answer; the queue retries with backoff. */
export class WebhookDeliveryFailed extends Error {}

/**
 * Delivers one notification. A department with a webhook gets a signed POST; a failure throws so that
 * BullMQ retries with exponential backoff, and the last attempt falls back to the in-app inbox (the row
 * is in the inbox all along; the fallback records that the webhook never took it). A department without
 * a webhook, a role or a user reads it in the inbox.
 */
@Injectable()
export class NotificationDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async deliver(notificationId: string, options: { lastAttempt: boolean }): Promise<DeliveryOutcome> {
    if (await this.deliverToInbox(notificationId)) return 'inbox';
    const row = await sqlRow<DeliveryRow>(
      this.dataSource,
      `SELECT n.id, n.type, n.case_id AS "caseId", n.title, n.data, n.created_at AS "createdAt", n.delivered_at AS "deliveredAt",
              d.webhook_url AS "webhookUrl", d.webhook_secret_sealed AS "webhookSecretSealed"
         FROM notifications n LEFT JOIN departments d ON d.id = n.recipient_department_id
        WHERE n.id = $1`,
      [notificationId],
    );
    if (!row) return 'missing';
    if (row.deliveredAt) return 'alreadyDelivered';
    if (!row.webhookUrl || !row.webhookSecretSealed) {
      await this.markDelivered(row.id, 'inbox', null);
      return 'inbox';
    }
    try {
      await this.post(row.webhookUrl, this.cipher.decrypt(row.webhookSecretSealed), {
        id: row.id,
        type: row.type,
        caseId: row.caseId,
        title: row.title,
        data: row.data,
        createdAt: new Date(row.createdAt).toISOString(),
      });
      await this.markDelivered(row.id, 'webhook', null);
      return 'webhook';
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      if (options.lastAttempt) {
        await this.markDelivered(row.id, 'inbox', message);
        return 'inbox';
      }
      await sqlExec(
        this.dataSource,
        `UPDATE notifications SET delivery_attempts = delivery_attempts + 1, last_error = $2 WHERE id = $1`,
        [row.id, message],
      );
      throw error;
    }
  }

  /**
   * The common case in one statement: a notification not yet delivered whose recipient has no webhook
   * goes to the inbox, as markDelivered(id, 'inbox', null) would. False when it was not that case
   * (missing, delivered already, or a webhook to call): the caller then reads the row and decides.
   */
  private async deliverToInbox(id: string): Promise<boolean> {
    const rows = await sqlRows<{ id: string }>(
      this.dataSource,
      `UPDATE notifications n SET channel = 'inbox', delivered_at = now()
        WHERE n.id = $1 AND n.delivered_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM departments d
                           WHERE d.id = n.recipient_department_id AND d.webhook_url IS NOT NULL AND d.webhook_secret_sealed IS NOT NULL)
        RETURNING n.id`,
      [id],
    );
    return rows.length > 0;
  }

  private async post(url: string, secret: string, body: WebhookBody): Promise<void> {
    const text = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(secret, timestamp, text),
          // Receivers de-duplicate on this: a retry after a lost answer carries the same value.
          [DELIVERY_HEADER]: body.id,
        },
        body: text,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      throw new WebhookDeliveryFailed(`webhook did not answer: ${(error as Error).message}`);
    }
    // Drain the body so the connection is released; its content is not used.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new WebhookDeliveryFailed(`webhook answered ${response.status}`);
  }

  private async markDelivered(id: string, channel: 'webhook' | 'inbox', lastError: string | null): Promise<void> {
    await sqlExec(
      this.dataSource,
      `UPDATE notifications SET channel = $2, delivered_at = now(), delivery_attempts = delivery_attempts + $3,
              last_error = COALESCE($4, last_error)
        WHERE id = $1 AND delivered_at IS NULL`,
      [id, channel, channel === 'webhook' || lastError ? 1 : 0, lastError],
    );
  }
}
