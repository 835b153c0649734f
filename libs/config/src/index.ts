export { AppConfig, ConfigInvalid, loadConfig } from './app-config';
export { ConfigModule } from './config.module';
export { loggingModule } from './logging.module';
