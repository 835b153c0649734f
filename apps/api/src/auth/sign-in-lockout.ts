import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '@hotline/config';
import { redisOptionsFromUrl } from '@hotline/queues';
import { lockSeconds } from './sign-in';

/** Failures in a row are forgotten after this long without another. */
const FAILURE_MEMORY_SECONDS = 24 * 60 * 60;

/**
 * Failed sign-ins counted per account AND address, in Redis so every API replica shares them (memory if
 * Redis is away). A stranger failing from elsewhere locks only their own address out, never the
 * colleague at their desk; the lock grows with each further failure (see lockSeconds).
 */
@Injectable()
export class SignInLockout implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly failures: RateLimiterRedis;
  private readonly locks: RateLimiterRedis;

  constructor(config: AppConfig) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.REDIS_URL), enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
    const prefix = `{${config.REDIS_PREFIX}}:signin`;
    const counter = { points: Number.MAX_SAFE_INTEGER, duration: FAILURE_MEMORY_SECONDS };
    this.failures = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:failures`,
      ...counter,
      insuranceLimiter: new RateLimiterMemory(counter),
    });
    this.locks = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:lock`,
      points: 1,
      duration: 1,
      insuranceLimiter: new RateLimiterMemory({ points: 1, duration: 1 }),
    });
  }

  async isLocked(username: string, address: string): Promise<boolean> {
    const state = await this.locks.get(this.key(username, address));
    return state !== null && state.consumedPoints > 1 && state.msBeforeNext > 0;
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const key = this.key(username, address);
    const counted = await this.failures.penalty(key, 1);
    const seconds = lockSeconds(counted.consumedPoints);
    if (seconds > 0) await this.locks.block(key, seconds);
  }

  async recordSuccess(username: string, address: string): Promise<void> {
    const key = this.key(username, address);
    await Promise.all([this.failures.delete(key), this.locks.delete(key)]);
  }

  /** The username is hashed: keys stay short and carry no typed text. */
  private key(username: string, address: string): string {
    return `${createHash('sha256').update(username).digest('hex').slice(0, 32)}:${address}`;
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
