import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InputInvalid } from '@hotline/errors';
import { DEFAULT_RANKING_WEIGHTS, RATE_NAMES, type RankingWeights } from '../figures/rates';
import { sqlExec, sqlRow } from '@hotline/database';

const WEIGHTS_KEY = 'rankingWeights';

/** The ranking weights an admin sets; the defaults until one does. */
@Injectable()
export class StatsSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rankingWeights(): Promise<RankingWeights> {
    const row = await sqlRow<{ value: Partial<RankingWeights> }>(
      this.dataSource,
      `SELECT value FROM stats_settings WHERE key = $1`,
      [WEIGHTS_KEY],
    );
    return row ? { ...DEFAULT_RANKING_WEIGHTS, ...row.value } : { ...DEFAULT_RANKING_WEIGHTS };
  }

  async setRankingWeights(weights: RankingWeights): Promise<RankingWeights> {
    if (!RATE_NAMES.some((name) => weights[name] > 0)) {
      throw new InputInvalid(RATE_NAMES.map((name) => ({ field: name, reason: 'at least one weight must be greater than 0' })));
    }
    await sqlExec(
      this.dataSource,
      `INSERT INTO stats_settings (key, value, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [WEIGHTS_KEY, JSON.stringify(weights)],
    );
    return weights;
  }
}
