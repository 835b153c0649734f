export { ADDRESS_KINDS, addressMatchKeys, addressSearchTerms, compactAddressText, textMatchKeys } from './address-keys';
export type { AddressKind, AddressPlaceNames, AddressSeed } from './address-keys';
export { loadAddresses } from './address-loader';
export type { AddressGrid } from './address-loader';
export { AddressRegisterService, MAX_SEARCH_LIMIT } from './address-register.service';
export type { AddressView, PlacedAddress, TextMatch } from './address-register.service';
export { AddressesModule } from './addresses.module';
