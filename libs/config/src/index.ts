export {
  AppConfig,
  type ConfigCheck,
  ConfigInvalid,
  DEMO_METRICS_TOKEN,
  DEVELOPMENT_SECRETS,
  demoEnvironment,
  exitOnInvalidConfig,
  loadConfig,
  trustProxySetting,
} from './app-config';
export { ConfigModule } from './config.module';
export { loggerParams, loggingModule } from './logging.module';
export {
  REDACTED,
  REDACTED_FIELDS,
  isRedactedField,
  redactError,
  redactFields,
  redactLogObject,
  redactUrl,
} from './log-redaction';
