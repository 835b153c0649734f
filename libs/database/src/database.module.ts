import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@hotline/config';
import { dataSourceOptions } from './data-source';
import { ENTITIES } from './entities';

/** The TypeORM connection for a Nest process, configured from AppConfig; repositories for every entity. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.DATABASE_URL),
        // A process that starts while PostgreSQL is down keeps trying instead of exiting at once.
        retryAttempts: 30,
        retryDelay: 1000,
      }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
