/**
 * The administrator's texts, Vietnamese first, English second; one section per screen family.
 */
import { defineMessages } from '../../i18n/messages.ts';
import { agencyMessages } from './messages-agencies.ts';
import { backupMessages } from './messages-backups.ts';
import { criteriaMessages } from './messages-criteria.ts';
import { cycleMessages } from './messages-cycles.ts';
import { historyMessages } from './messages-history.ts';
import { jobMessages } from './messages-jobs.ts';
import { userMessages } from './messages-users.ts';

export const m = defineMessages({
  ...cycleMessages,
  ...agencyMessages,
  ...userMessages,
  ...criteriaMessages,
  ...historyMessages,
  ...jobMessages,
  ...backupMessages,
});
