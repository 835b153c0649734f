import { Module } from '@nestjs/common';
import { PrivacyModule } from '@hotline/privacy';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationInboxService } from './notification-inbox.service';

/** Notification delivery (worker) and the in-app inbox (API). Writing one is `notifyInTransaction`. */
@Module({
  imports: [PrivacyModule],
  providers: [NotificationDeliveryService, NotificationInboxService],
  exports: [NotificationDeliveryService, NotificationInboxService],
})
export class NotifyModule {}
