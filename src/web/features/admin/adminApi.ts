/**
 * The administrator's calls to /api/v1 and the shapes they return (the server's route schemas
 * are the contract: src/server/modules/{cycles,agencies,users,criteria}/*.routes.ts).
 */
import type { CycleState, Role } from '../../api.ts';
import { api } from '../../api.ts';

export interface BiText {
  vi: string;
  en?: string;
}

export interface CriteriaVersion {
  id: string;
  setId: string;
  version: string;
  title: string;
  status: string;
  hash: string;
  loadedAt: string;
  inUse: boolean;
  cycleYears: number[];
}

export interface CycleFile {
  id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface Extension {
  id: string;
  oldDeadline: string;
  newDeadline: string;
  reason: string;
  decisionRef: string;
  decidedBy: string | null;
  decidedByName: string | null;
  createdAt: string;
}

export interface Transition {
  to: CycleState;
  action: BiText;
  allowed: boolean;
  reason: BiText | null;
}

export interface CycleDetail {
  id: string;
  year: number;
  title: string;
  state: CycleState;
  stateLabel: BiText;
  criteriaVersion: { id: string; setId: string; version: string; title: string };
  guidanceBy: string;
  deadline: string;
  publishBy: string;
  rosterDate: string;
  announcement: string | null;
  openedAt: string | null;
  closedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  documents: { guidance: CycleFile | null; form: CycleFile | null };
  extensions: Extension[];
  roster: { date: string; frozen: boolean; total: number; groups: { groupId: string; count: number }[] };
  transitions: Transition[];
}

export type CycleSummary = Omit<CycleDetail, 'documents' | 'extensions' | 'roster' | 'transitions'>;

export interface MailReport {
  agencies: number;
  sent: number;
  failed: string[];
  withoutRecipients: string[];
}

export interface CycleInput {
  title?: string;
  criteriaVersionId?: string;
  guidanceBy?: string;
  deadline?: string;
  publishBy?: string;
  announcement?: string | null;
}

export type DocumentKind = 'guidance' | 'form';

export const cycleAdminApi = {
  list: () => api<{ cycles: CycleSummary[] }>('/cycles'),
  get: (id: string) => api<{ cycle: CycleDetail }>(`/cycles/${id}`),
  create: (body: CycleInput & { year: number }) =>
    api<{ cycle: CycleDetail }>('/cycles', { method: 'POST', body }),
  update: (id: string, body: CycleInput & { version: number }) =>
    api<{ cycle: CycleDetail }>(`/cycles/${id}`, { method: 'PATCH', body }),
  upload: (id: string, kind: DocumentKind, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<{ cycle: CycleDetail }>(`/cycles/${id}/documents/${kind}`, { form });
  },
  /** The step to a state, by the endpoint that makes it. */
  transition: (id: string, endpoint: string) =>
    api<{ cycle: CycleDetail; mail?: MailReport }>(`/cycles/${id}/${endpoint}`, { method: 'POST' }),
  extend: (id: string, body: { deadline: string; reason: string; decisionRef: string }) =>
    api<{ cycle: CycleDetail; mail: MailReport }>(`/cycles/${id}/extend-deadline`, { method: 'POST', body }),
};

export interface Agency {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  groupId: string;
  website: string | null;
  email: string | null;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
}

export type AgencyRef = Pick<Agency, 'id' | 'code' | 'name' | 'groupId' | 'validFrom' | 'validTo'>;

export type AgencyEventKind = 'rename' | 'merge' | 'split' | 'dissolve';

export interface AgencyEvent {
  id: string;
  kind: AgencyEventKind;
  effectiveDate: string;
  decisionRef: string | null;
  note: string | null;
  createdAt: string;
  from: AgencyRef[];
  to: AgencyRef[];
}

export interface AgencyInput {
  code: string;
  name: string;
  shortName?: string | null;
  group: string;
  website?: string | null;
  email?: string | null;
  validFrom?: string;
}

export interface NewUnit {
  agencyId?: string;
  code?: string;
  name?: string;
  group?: string;
}

export const agencyAdminApi = {
  list: (all: boolean) =>
    api<{ validOn: string | null; agencies: Agency[] }>(`/agencies${all ? '?all=true' : ''}`),
  events: () => api<{ events: AgencyEvent[] }>('/agencies/events'),
  create: (body: AgencyInput) => api<{ agency: Agency }>('/agencies', { method: 'POST', body }),
  update: (id: string, body: Partial<Omit<AgencyInput, 'code' | 'group' | 'validFrom'>>) =>
    api<{ agency: Agency }>(`/agencies/${id}`, { method: 'PATCH', body }),
  recordEvent: (body: {
    kind: AgencyEventKind;
    effectiveDate: string;
    decisionRef: string;
    note?: string | null;
    from: string[];
    to?: NewUnit[];
  }) => api<{ event: AgencyEvent }>('/agencies/events', { method: 'POST', body }),
};

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  agencyId: string | null;
  agencyCode: string | null;
  agencyName: string | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export const userAdminApi = {
  list: () => api<{ users: AdminUser[] }>('/users'),
  create: (body: {
    username: string;
    displayName: string;
    email?: string | null;
    role: Role;
    agencyId?: string | null;
  }) => api<{ user: AdminUser; initialPassword: string | null }>('/users', { method: 'POST', body }),
  update: (
    id: string,
    body: Partial<{
      displayName: string;
      email: string | null;
      role: Role;
      agencyId: string | null;
      active: boolean;
    }>,
  ) => api<{ user: AdminUser }>(`/users/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: string) =>
    api<{ temporaryPassword: string }>(`/users/${id}/reset-password`, { method: 'POST' }),
};

export interface CriteriaSummary {
  setId: string;
  version: string;
  title: BiText;
  status: string;
  decision: string | null;
  totalMax: number;
  classes: { id: string; label: BiText; min: number; below: number | null }[];
  groups: {
    id: string;
    name: BiText;
    appendix: string | null;
    max: number;
    criteriaCount: number;
    categories: {
      id: string;
      name: BiText;
      max: number;
      gate: string | null;
      criteria: {
        id: string;
        name: BiText;
        max: number;
        naAllowed: boolean;
        naWhen: BiText | null;
        monitored: boolean;
      }[];
    }[];
  }[];
  fieldCount: number;
  validationCount: number;
}

export interface Change {
  attribute: string;
  from: unknown;
  to: unknown;
}

interface CriterionRef {
  id: string;
  name: BiText;
  categoryId: string;
  max: number;
}
interface FieldRef {
  key: string;
  label: BiText;
  type: string;
}
interface ValidationRef {
  id: string;
  severity: string;
  message: BiText;
}

export interface CriteriaDiff {
  identical: boolean;
  set: Change[];
  classes: {
    added: { id: string; label: BiText }[];
    removed: { id: string; label: BiText }[];
    changed: { id: string; label: BiText; changes: Change[] }[];
  };
  groups: {
    id: string;
    name: BiText;
    status: 'added' | 'removed' | 'changed' | 'unchanged';
    changes: Change[];
    categories: {
      added: { id: string; name: BiText; max: number }[];
      removed: { id: string; name: BiText; max: number }[];
      maxChanged: { id: string; name: BiText; from: number; to: number }[];
      changed: { id: string; name: BiText; changes: Change[] }[];
    };
    criteria: {
      added: CriterionRef[];
      removed: CriterionRef[];
      changed: (CriterionRef & { changes: Change[] })[];
    };
  }[];
  fields: { added: FieldRef[]; removed: FieldRef[]; changed: (FieldRef & { changes: Change[] })[] };
  validations: {
    added: ValidationRef[];
    removed: ValidationRef[];
    changed: (ValidationRef & { changes: Change[] })[];
  };
}

/** One problem the criteria loader found, with where it is in the file. */
export interface LoadProblem {
  path: string;
  message: string;
  messageEn?: string;
}

export const criteriaAdminApi = {
  list: () => api<{ versions: CriteriaVersion[] }>('/criteria'),
  get: (id: string) =>
    api<{ version: CriteriaVersion; content: unknown; summary: CriteriaSummary }>(`/criteria/${id}`),
  load: (content: unknown) =>
    api<{ created: boolean; version: CriteriaVersion }>('/criteria', { method: 'POST', body: content }),
  compare: (from: string, to: string) =>
    api<{ from: CriteriaVersion; to: CriteriaVersion; diff: CriteriaDiff }>(
      `/criteria/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    ),
};
