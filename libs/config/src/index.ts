export { AppConfig, ConfigInvalid, DEVELOPMENT_SECRETS, demoEnvironment, exitOnInvalidConfig, loadConfig, trustProxySetting } from './app-config';
export { ConfigModule } from './config.module';
export { loggerParams, loggingModule } from './logging.module';
