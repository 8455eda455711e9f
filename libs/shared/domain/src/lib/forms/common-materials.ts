import { l } from '../workflow/labels';
import type { MaterialDefinition } from './form-schema';

/** The business licence every programme asks for. */
export const LICENCE: MaterialDefinition = {
  key: 'business_licence',
  label: l('营业执照', 'Business licence'),
  required: true,
  allowed: ['pdf', 'jpeg', 'png'],
  maxSizeMb: 10,
};
