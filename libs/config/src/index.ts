export {
  AppConfig,
  type ConfigCheck,
  ConfigInvalid,
  DEMO_METRICS_TOKEN,
  DEMO_UPSTREAM_12345_SECRET,
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
