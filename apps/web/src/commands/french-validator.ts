import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeFr from 'ajv-i18n/localize/fr';

/** The form checks each field with the server's own schema, before anything is sent, in French. */
export const frenchValidator = customizeValidator({}, localizeFr);
