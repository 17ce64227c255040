/**
 * The contract of /agencies, the registry of evaluated units and its history (R1): every request
 * and response shape, once. The routes validate and document with these schemas, the use cases
 * return their inferred types, and the web application imports the types from here.
 */
import { z } from 'zod';
import { AGENCY_EVENT_KINDS } from '../../db/schema.ts';
import { Instant, Uuid } from '../../platform/schema.ts';

export const AgencyEventKind = z.enum(AGENCY_EVENT_KINDS);
export type AgencyEventKind = z.infer<typeof AgencyEventKind>;

/* ───────────────────────── requests ───────────────────────── */

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const Email = z.email({ message: 'Địa chỉ thư điện tử không hợp lệ' }).max(200, 'Tối đa 200 ký tự');

export const AgencyParams = z.object({ id: Uuid });
export type AgencyParams = z.infer<typeof AgencyParams>;

export const RegistryQuery = z.object({
  validOn: DateText.optional(),
  all: z.enum(['true', 'false']).optional(),
  group: z.string().max(40).optional(),
});
export type RegistryQuery = z.infer<typeof RegistryQuery>;

/** A unit's details as the administrator types them (the use cases clean and check them). */
const UnitFields = {
  code: z.string().max(40, 'Mã cơ quan tối đa 20 ký tự'),
  name: z.string().max(400, 'Tên cơ quan tối đa 200 ký tự'),
  shortName: z.string().max(100, 'Tên viết tắt tối đa 100 ký tự').nullable().optional(),
  group: z.string().max(40),
  website: z.string().max(300, 'Địa chỉ trang TTĐT tối đa 300 ký tự').nullable().optional(),
  email: Email.nullable().optional(),
};

export const AddAgencyBody = z.object({ ...UnitFields, validFrom: DateText.optional() });
export type AddAgencyBody = z.infer<typeof AddAgencyBody>;

/** A correction of a unit's details; a formal rename is a change of the registry (RecordChangeBody). */
export const EditAgencyBody = z.object({
  name: UnitFields.name.optional(),
  shortName: UnitFields.shortName,
  website: UnitFields.website,
  email: UnitFields.email,
});
export type EditAgencyBody = z.infer<typeof EditAgencyBody>;

/** A unit after a change: an existing agency (agencyId), or a new one (code, name…). */
export const NewUnit = z.object({
  agencyId: Uuid.optional(),
  code: UnitFields.code.optional(),
  name: UnitFields.name.optional(),
  shortName: UnitFields.shortName,
  group: UnitFields.group.optional(),
  website: UnitFields.website,
  email: UnitFields.email,
});
export type NewUnit = z.infer<typeof NewUnit>;

export const RecordChangeBody = z.object({
  kind: AgencyEventKind,
  effectiveDate: DateText,
  decisionRef: z.string().max(300, 'Số hiệu văn bản tối đa 300 ký tự'),
  note: z.string().max(2000, 'Ghi chú tối đa 2000 ký tự').nullable().optional(),
  from: z.array(Uuid).max(50),
  to: z.array(NewUnit).max(50).optional(),
});
export type RecordChangeBody = z.infer<typeof RecordChangeBody>;

/* ───────────────────────── responses ───────────────────────── */

export const AgencyView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  groupId: z.string(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type AgencyView = z.infer<typeof AgencyView>;

export const AgencyRef = AgencyView.pick({
  id: true,
  code: true,
  name: true,
  groupId: true,
  validFrom: true,
  validTo: true,
});
export type AgencyRef = z.infer<typeof AgencyRef>;

/** A rename, merge, split or dissolution, with the units it ended (from) and started or kept (to). */
export const EventView = z.object({
  id: z.string(),
  kind: AgencyEventKind,
  effectiveDate: z.string(),
  decisionRef: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: Instant,
  from: z.array(AgencyRef),
  to: z.array(AgencyRef),
});
export type EventView = z.infer<typeof EventView>;

export const Registry = z.object({ validOn: z.string().nullable(), agencies: z.array(AgencyView) });
export type Registry = z.infer<typeof Registry>;

export const AgencyHistory = z.object({ agency: AgencyView, history: z.array(EventView) });
export type AgencyHistory = z.infer<typeof AgencyHistory>;

export const EventList = z.object({ events: z.array(EventView) });
export type EventList = z.infer<typeof EventList>;

export const AgencyAnswer = z.object({ agency: AgencyView });
export type AgencyAnswer = z.infer<typeof AgencyAnswer>;

export const EventAnswer = z.object({ event: EventView });
export type EventAnswer = z.infer<typeof EventAnswer>;
