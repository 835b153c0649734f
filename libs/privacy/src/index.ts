export { PersonalDataCipher, PHONE_PATTERN, normalizePhone, maskPhone, maskName } from './personal-data';
export { PrivacyModule } from './privacy.module';
export { maskPersonalData } from './public-text';
export type { MaskOptions } from './public-text';
