// Entry for the TypeORM CLI (migration:generate / migration:show). Not imported by the apps.
import { createDataSource } from './data-source';

export default createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline365');
