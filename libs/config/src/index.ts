export { AppConfig, ConfigInvalid, loadConfig } from './app-config';
export { ConfigModule } from './config.module';
export { loggerParams, loggingModule } from './logging.module';
