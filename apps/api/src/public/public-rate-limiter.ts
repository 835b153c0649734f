import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@hotline/config';
import { redisOptionsFromUrl } from '@hotline/queues';
import { RateLimited } from '../http/rate-limited';

export interface RateLimit {
  /** Names the counter family in Redis keys: renaming it resets the counts. */
  bucket: string;
  points: number;
  durationSeconds: number;
}

/**
 * Limits for the public endpoints, counted in Redis so every API replica shares them (the throttler's
 * in-memory store would give each replica its own budget). If Redis is unreachable the counts fall
 * back to this process's memory instead of failing the request or letting everything through.
 */
@Injectable()
export class PublicRateLimiter implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(private readonly config: AppConfig) {
    // No offline queue: while Redis is down a count fails at once and the memory fallback answers.
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.REDIS_URL),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    this.redis.on('error', () => undefined);
  }

  private limiter(limit: RateLimit): RateLimiterRedis {
    const id = `${limit.bucket}:${limit.points}:${limit.durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `{${this.config.REDIS_PREFIX}}:rl:${limit.bucket}`,
        points: limit.points,
        duration: limit.durationSeconds,
        insuranceLimiter: new RateLimiterMemory({ points: limit.points, duration: limit.durationSeconds }),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /** Counts one request against `key`; throws 429 (RateLimited, with Retry-After) once the limit is used up. */
  async consume(limit: RateLimit, key: string): Promise<void> {
    try {
      await this.limiter(limit).consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  }

  /**
   * Counts one try against every counter, in order; if one refuses, the tries already counted are given
   * back (the request did nothing) and it throws 429 like consume.
   */
  async consumeAll(counters: ReadonlyArray<{ limit: RateLimit; key: string }>): Promise<void> {
    for (let i = 0; i < counters.length; i += 1) {
      try {
        await this.consume(counters[i].limit, counters[i].key);
      } catch (error) {
        await this.giveBack(counters.slice(0, i));
        throw error;
      }
    }
  }

  /** Returns one try to each counter: for a request that turned out not to count (e.g. the right digits). */
  async giveBack(counters: ReadonlyArray<{ limit: RateLimit; key: string }>): Promise<void> {
    await Promise.all(
      counters.map(({ limit, key }) =>
        this.limiter(limit)
          .reward(key)
          .catch(() => undefined),
      ),
    );
  }

  /** The per-address limit shared by every public endpoint. */
  perAddress(): RateLimit {
    return { bucket: 'public-address', points: this.config.PUBLIC_RATE_PER_ADDRESS, durationSeconds: 60 };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
