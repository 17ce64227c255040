/**
 * The administrator's calls to /api/v1. The shapes are the server's contracts
 * (src/server/modules/{cycles,agencies,users,criteria}/*.schema.ts), imported as types only:
 * nothing of the server reaches the bundle, and the screens and the routes cannot drift apart.
 */
import type {
  AddAgencyBody,
  AgencyView as Agency,
  AgencyAnswer,
  EventView as AgencyEvent,
  AgencyEventKind,
  AgencyRef,
  EditAgencyBody,
  EventAnswer,
  EventList,
  NewUnit,
  RecordChangeBody,
  Registry,
} from '../../../server/modules/agencies/agencies.schema.ts';
import type {
  Change,
  Comparison,
  VersionView as CriteriaVersion,
  DryRun,
  Loaded,
  LoadProblem,
  VersionList,
  VersionRead,
} from '../../../server/modules/criteria/criteria.schema.ts';
import type {
  CreateCycleBody,
  CycleAnswer,
  CycleDetail,
  CycleFields as CycleInput,
  CycleList,
  CycleSummary,
  CycleWithMail,
  DocumentKind,
  EditCycleBody,
  ExtendDeadlineBody,
  ExtensionView as Extension,
  MailReport,
} from '../../../server/modules/cycles/cycles.schema.ts';
import type {
  UserView as AdminUser,
  CreatedUser,
  CreateUserBody,
  EditUserBody,
  TemporaryPassword,
  UserAnswer,
  UserList,
} from '../../../server/modules/users/users.schema.ts';
import { api } from '../../api.ts';

export type {
  AdminUser,
  Agency,
  AgencyEvent,
  AgencyEventKind,
  AgencyRef,
  Change,
  CriteriaVersion,
  CycleDetail,
  CycleInput,
  CycleSummary,
  DocumentKind,
  DryRun,
  Extension,
  LoadProblem,
  MailReport,
  NewUnit,
};

export const cycleAdminApi = {
  list: () => api<CycleList>('/cycles'),
  get: (id: string) => api<CycleAnswer>(`/cycles/${id}`),
  create: (body: CreateCycleBody) => api<CycleAnswer>('/cycles', { method: 'POST', body }),
  update: (id: string, body: EditCycleBody) => api<CycleAnswer>(`/cycles/${id}`, { method: 'PATCH', body }),
  upload: (id: string, kind: DocumentKind, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<CycleAnswer>(`/cycles/${id}/documents/${kind}`, { form });
  },
  /** The step to a state, by the endpoint that makes it (opening answers the mail it queued too). */
  transition: (id: string, endpoint: string) =>
    api<CycleAnswer & Partial<Pick<CycleWithMail, 'mail'>>>(`/cycles/${id}/${endpoint}`, { method: 'POST' }),
  extend: (id: string, body: ExtendDeadlineBody) =>
    api<CycleWithMail>(`/cycles/${id}/extend-deadline`, { method: 'POST', body }),
};

export const agencyAdminApi = {
  list: (all: boolean) => api<Registry>(`/agencies${all ? '?all=true' : ''}`),
  events: () => api<EventList>('/agencies/events'),
  create: (body: AddAgencyBody) => api<AgencyAnswer>('/agencies', { method: 'POST', body }),
  update: (id: string, body: EditAgencyBody) =>
    api<AgencyAnswer>(`/agencies/${id}`, { method: 'PATCH', body }),
  recordEvent: (body: RecordChangeBody) => api<EventAnswer>('/agencies/events', { method: 'POST', body }),
};

export const userAdminApi = {
  list: () => api<UserList>('/users'),
  create: (body: CreateUserBody) => api<CreatedUser>('/users', { method: 'POST', body }),
  update: (id: string, body: EditUserBody) => api<UserAnswer>(`/users/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: string) => api<TemporaryPassword>(`/users/${id}/reset-password`, { method: 'POST' }),
};

export const criteriaAdminApi = {
  list: () => api<VersionList>('/criteria'),
  get: (id: string) => api<VersionRead>(`/criteria/${id}`),
  load: (content: unknown) => api<Loaded>('/criteria', { method: 'POST', body: content }),
  compare: (from: string, to: string) =>
    api<Comparison>(`/criteria/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  dryRun: (versionId: string, cycleId: string) =>
    api<DryRun>(`/criteria/${versionId}/dry-run?cycleId=${encodeURIComponent(cycleId)}`),
};
