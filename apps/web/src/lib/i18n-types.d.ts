import 'i18next';
import type { resources } from './i18n-resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['ja'];
    returnNull: false;
  }
}
