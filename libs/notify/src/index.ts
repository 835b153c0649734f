export type { NewNotification, NotificationRecipient, WebhookBody } from './notification';
export { notificationCtes, notifyInTransaction } from './notify-in-transaction';
export { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER, verifyWebhook } from './webhook-signature';
export { NotificationDeliveryService, WebhookDeliveryFailed } from './notification-delivery.service';
export type { DeliveryOutcome } from './notification-delivery.service';
export { NotificationInboxService } from './notification-inbox.service';
export type { InboxItem, InboxPage } from './notification-inbox.service';
export { NotifyModule } from './notify.module';
