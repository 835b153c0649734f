import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { AppConfig } from '@hotline/config';
import { toZonedIso } from './zoned-time';

function convert(value: unknown, timeZone: string): unknown {
  if (value instanceof Date) return toZonedIso(value, timeZone);
  if (Array.isArray(value)) return value.map((item) => convert(item, timeZone));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = convert(item, timeZone);
    return out;
  }
  return value;
}

/** Every Date in a JSON response leaves as ISO 8601 with the district's offset; one place, no presenter forgets. */
@Injectable()
export class ZonedDatesInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((body) => convert(body, this.config.DISTRICT_TIMEZONE)));
  }
}
