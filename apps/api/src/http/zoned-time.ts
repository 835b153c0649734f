// One formatter for the API's times and the notes the services write (it lives with the zone arithmetic).
export { toZonedIso } from '@hotline/sla';
