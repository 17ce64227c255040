/**
 * Evaluation cycles up to the review (R8, R9, R10): one per year, bound to one criteria version,
 * with the guidance document and the data-collection form, the deadline (moved only for the whole
 * cycle, before it passes, by a recorded decision), and the roster frozen when the cycle opens:
 * the units of the registry valid on the roster date (the guidance date, Vietnam time).
 */
import { defaultCycleDates, parseInstant } from '../../../core/calendar/time.ts';
import { bundledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import { formatDate } from '../../../core/format.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import type { CycleState, Role } from '../../db/schema.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { contentHash } from '../../platform/canonical.ts';
import {
  AppError,
  conflict,
  forbidden,
  invalid,
  notFound,
  stale,
  wrongState,
} from '../../platform/errors.ts';
import { sniff } from '../../platform/files.ts';
import type { AppDeps } from '../../platform/http.ts';
import type { Mail } from '../../platform/mail.ts';
import { agenciesValidOn, isUniqueViolation } from '../agencies/agencies.repo.ts';
import { cleanText } from '../agencies/agencies.service.ts';
import { vnDateOf } from '../agencies/registry-dates.ts';
import { findByHash, findBySetVersion, findVersion } from '../criteria/criteria.repo.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { assertTransition, availableTransitions, STATE_LABELS, transitionCycle } from './cycle-states.ts';
import { announcementMail, extensionMail, instantVn } from './cycle-texts.ts';
import * as repo from './cycles.repo.ts';

export const DOCUMENT_KINDS = ['guidance', 'form'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const DOCUMENT_TEXT: Record<DocumentKind, Text> = {
  guidance: { vi: 'văn bản hướng dẫn', en: 'guidance document' },
  form: { vi: 'phiếu thu thập số liệu', en: 'data-collection form' },
};
const DOCUMENT_COLUMN = { guidance: 'guidanceFileId', form: 'formFileId' } as const;
const DOCUMENT_DEFAULT_NAME: Record<DocumentKind, string> = {
  guidance: 'huong-dan',
  form: 'phieu-thu-thap-so-lieu',
};

/** Document types a guidance or a form may have (read from the bytes, never from the name). */
const ACCEPTED_DOCUMENTS = new Set(['pdf', 'docx', 'doc', 'xlsx', 'odt']);
const SNIFFED_TEXT: Record<string, string> = {
  png: 'ảnh PNG',
  jpg: 'ảnh JPEG',
  pptx: 'bản trình chiếu PowerPoint',
  ods: 'bảng tính OpenDocument',
  zip: 'tệp nén ZIP',
};

/** States in which the documents may still be (re)placed: before the deadline's consequences. */
const DOCUMENT_STATES: readonly CycleState[] = ['draft', 'open'];

/** Roles that see a cycle only once it is opened. */
const AFTER_OPEN_ONLY: readonly Role[] = ['viewer', 'reporter'];

export interface FileView {
  id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface CycleView {
  id: string;
  year: number;
  title: string;
  state: CycleState;
  stateLabel: Text;
  criteriaVersion: { id: string; setId: string; version: string; title: string };
  guidanceBy: string;
  deadline: string;
  publishBy: string;
  /** The day whose registry the roster is: the guidance date, Vietnam time. */
  rosterDate: string;
  announcement: string | null;
  openedAt: string | null;
  closedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface MailReport {
  /** Roster agencies concerned. */
  agencies: number;
  /** E-mails sent (one per agency, to all its reporters). */
  sent: number;
  /** Codes of agencies whose e-mail could not be sent. */
  failed: string[];
  /** Codes of agencies without an active reporter with an e-mail address. */
  withoutRecipients: string[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function cycleView(c: repo.CycleRow, criteria: CycleView['criteriaVersion']): CycleView {
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    state: c.state,
    stateLabel: STATE_LABELS[c.state],
    criteriaVersion: criteria,
    guidanceBy: c.guidanceBy.toISOString(),
    deadline: c.deadline.toISOString(),
    publishBy: c.publishBy.toISOString(),
    rosterDate: vnDateOf(c.guidanceBy),
    announcement: c.announcement,
    openedAt: iso(c.openedAt),
    closedAt: iso(c.closedAt),
    approvedAt: iso(c.approvedAt),
    publishedAt: iso(c.publishedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

const fileView = (f: repo.FileRow): FileView => ({
  id: f.id,
  filename: f.filename,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  uploadedAt: f.uploadedAt.toISOString(),
});

const cycleNotFound = () => notFound({ vi: 'kỳ đánh giá', en: 'cycle' });

function instantOf(field: string, text: string, what: Text): Date {
  const ms = parseInstant(text.trim());
  if (ms === null)
    throw invalid(field, {
      vi: `${what.vi} phải là thời điểm có múi giờ, dạng 2017-11-01T00:00:00+07:00`,
      en: `${what.en ?? what.vi} must be an instant with its offset, e.g. 2017-11-01T00:00:00+07:00`,
    });
  return new Date(ms);
}

const DATE_TEXT = {
  guidanceBy: { vi: 'Hạn ban hành hướng dẫn', en: 'guidanceBy' },
  deadline: { vi: 'Hạn nộp báo cáo', en: 'deadline' },
  publishBy: { vi: 'Hạn công bố kết quả', en: 'publishBy' },
} as const satisfies Record<string, Text>;

/** guidanceBy (in the cycle's year) < deadline < publishBy; a refusal names the field the user changed (`given`). */
function checkDates(
  year: number,
  d: { guidanceBy: Date; deadline: Date; publishBy: Date },
  given: ReadonlySet<string>,
) {
  if (Number(vnDateOf(d.guidanceBy).slice(0, 4)) !== year)
    throw invalid('guidanceBy', {
      vi: `Hạn ban hành hướng dẫn (${instantVn(d.guidanceBy)}) phải thuộc năm ${year} của kỳ đánh giá`,
      en: `guidanceBy must fall in ${year}`,
    });
  const field = given.has('deadline') || !given.has('publishBy') ? 'deadline' : 'publishBy';
  if (d.deadline <= d.guidanceBy)
    throw invalid(given.has('deadline') || !given.has('guidanceBy') ? 'deadline' : 'guidanceBy', {
      vi: `Hạn nộp báo cáo (trước ${instantVn(d.deadline)}) phải sau hạn ban hành hướng dẫn (${instantVn(d.guidanceBy)})`,
      en: 'The deadline must be after the guidance date',
    });
  if (d.deadline >= d.publishBy)
    throw invalid(field, {
      vi: `Hạn nộp báo cáo (trước ${instantVn(d.deadline)}) phải trước hạn công bố kết quả (${instantVn(d.publishBy)})`,
      en: 'The deadline must be before the publication date',
    });
}

function checkTitle(raw: string): string {
  const title = cleanText(raw);
  if (!title)
    throw invalid('title', { vi: 'Tên kỳ đánh giá không được để trống', en: 'The title is required' });
  if ([...title].length > 300)
    throw invalid('title', {
      vi: 'Tên kỳ đánh giá tối đa 300 ký tự',
      en: 'The title has at most 300 characters',
    });
  return title;
}

function checkAnnouncement(raw: string | null): string | null {
  if (raw === null) return null;
  const text = raw.normalize('NFC').trim();
  if ([...text].length > 5000)
    throw invalid('announcement', {
      vi: 'Thông báo tối đa 5000 ký tự',
      en: 'The announcement has at most 5000 characters',
    });
  return text || null;
}

const requiredText = (field: string, raw: string, what: Text): string => {
  const text = cleanText(raw);
  if (!text) throw invalid(field, { vi: `Cần ghi ${what.vi}`, en: `${what.en ?? what.vi} is required` });
  return text;
};

/** A stored name for an uploaded document: no path, NFC, with the extension of its real type. */
function documentName(raw: string | undefined, kind: DocumentKind, extension: string): string {
  const base = (raw ?? '')
    .normalize('NFC')
    .split(/[/\\]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  const name = base || DOCUMENT_DEFAULT_NAME[kind];
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

export interface CycleInput {
  title?: string | undefined;
  criteriaVersionId?: string | undefined;
  guidanceBy?: string | undefined;
  deadline?: string | undefined;
  publishBy?: string | undefined;
  announcement?: string | null | undefined;
}

export function cyclesService(deps: AppDeps) {
  const { db } = deps.database;
  const { clock } = deps;

  async function criteriaRef(versionId: string, executor: Executor = db) {
    const c = await repo.criteriaOf(executor, versionId);
    return c!;
  }

  async function detail(user: SessionUser, c: repo.CycleRow) {
    const [criteria, files, extensions] = await Promise.all([
      criteriaRef(c.criteriaVersionId),
      repo.filesByIds(
        db,
        [c.guidanceFileId, c.formFileId].filter((x): x is string => x !== null),
      ),
      repo.extensionsOf(db, c.id),
    ]);
    const rosterDate = vnDateOf(c.guidanceBy);
    const frozen = c.state !== 'draft';
    const counts = frozen
      ? (await repo.rosterCounts(db, c.id)).map((r) => ({ groupId: r.groupId, count: Number(r.count) }))
      : Object.entries(
          (await agenciesValidOn(db, rosterDate)).reduce<Record<string, number>>((acc, a) => {
            acc[a.groupId] = (acc[a.groupId] ?? 0) + 1;
            return acc;
          }, {}),
        ).map(([groupId, count]) => ({ groupId, count }));
    const file = (id: string | null) => {
      const f = id ? files.find((x) => x.id === id) : undefined;
      return f ? fileView(f) : null;
    };
    return {
      ...cycleView(c, criteria),
      documents: { guidance: file(c.guidanceFileId), form: file(c.formFileId) },
      extensions: extensions.map((e) => ({
        id: e.id,
        oldDeadline: e.oldDeadline.toISOString(),
        newDeadline: e.newDeadline.toISOString(),
        reason: e.reason,
        decisionRef: e.decisionRef,
        decidedBy: e.decidedBy,
        decidedByName: e.decidedByName,
        createdAt: e.createdAt.toISOString(),
      })),
      roster: { date: rosterDate, frozen, total: counts.reduce((s, g) => s + g.count, 0), groups: counts },
      transitions: availableTransitions(c, user, clock.now()),
    };
  }

  /** One e-mail per roster agency to its active reporters, after the change is committed. */
  async function mailRoster(
    cycleId: string,
    make: (agency: { name: string }, to: readonly string[]) => Mail,
  ): Promise<MailReport> {
    const units = await repo.roster(db, cycleId);
    const addresses = await repo.reporterAddresses(
      db,
      units.map((u) => u.agencyId),
    );
    const report: MailReport = { agencies: units.length, sent: 0, failed: [], withoutRecipients: [] };
    for (const u of units) {
      const to = [
        ...new Set(addresses.filter((a) => a.agencyId === u.agencyId && a.email).map((a) => a.email!)),
      ];
      if (!to.length) {
        report.withoutRecipients.push(u.code);
        continue;
      }
      try {
        await deps.mailer.send(make(u, to));
        report.sent++;
      } catch {
        // The change stands; the administrator sees which agencies to inform another way.
        report.failed.push(u.code);
      }
    }
    return report;
  }

  async function defaultCriteriaVersion(): Promise<string> {
    const bundled = bundledSet(DEFAULT_SET_ID)!;
    const row =
      (await findByHash(db, contentHash(bundled))) ??
      (await findBySetVersion(db, bundled.id, bundled.version));
    if (!row)
      throw invalid('criteriaVersionId', {
        vi: `Chưa có bộ tiêu chí mặc định "${DEFAULT_SET_ID}"; hãy chọn một phiên bản bộ tiêu chí`,
        en: `The default criteria set "${DEFAULT_SET_ID}" is not loaded; choose a criteria version`,
      });
    return row.id;
  }

  async function checkCriteriaVersion(id: string): Promise<string> {
    if (!(await findVersion(db, id)))
      throw invalid('criteriaVersionId', {
        vi: 'Không có phiên bản bộ tiêu chí này',
        en: 'No such criteria version',
      });
    return id;
  }

  async function visibleCycle(user: SessionUser, id: string): Promise<repo.CycleRow> {
    const c = await repo.findCycle(db, id);
    if (!c || (c.state === 'draft' && AFTER_OPEN_ONLY.includes(user.role))) throw cycleNotFound();
    return c;
  }

  return {
    /** Every cycle, newest first; viewers and reporters see only cycles that have been opened. */
    async list(user: SessionUser): Promise<CycleView[]> {
      const rows = await repo.listCycles(db, { withDrafts: !AFTER_OPEN_ONLY.includes(user.role) });
      return rows.map((r) => cycleView(r.cycle, r.criteria));
    },

    async get(user: SessionUser, id: string) {
      return detail(user, await visibleCycle(user, id));
    },

    async create(actor: Actor, input: CycleInput & { year: number }) {
      const user = actor.user!;
      const { year } = input;
      const defaults = defaultCycleDates(year);
      const dates = {
        guidanceBy: input.guidanceBy
          ? instantOf('guidanceBy', input.guidanceBy, DATE_TEXT.guidanceBy)
          : new Date(defaults.guidanceBy),
        deadline: input.deadline
          ? instantOf('deadline', input.deadline, DATE_TEXT.deadline)
          : new Date(defaults.deadline),
        publishBy: input.publishBy
          ? instantOf('publishBy', input.publishBy, DATE_TEXT.publishBy)
          : new Date(defaults.publishBy),
      };
      checkDates(
        year,
        dates,
        new Set(Object.keys(input).filter((k) => input[k as keyof CycleInput] !== undefined)),
      );
      const title = checkTitle(
        input.title ?? `Đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin năm ${year}`,
      );
      const criteriaVersionId = input.criteriaVersionId
        ? await checkCriteriaVersion(input.criteriaVersionId)
        : await defaultCriteriaVersion();
      const announcement = checkAnnouncement(input.announcement ?? null);
      const now = clock.now();
      const exists = () =>
        conflict(
          'cycle_exists',
          {
            vi: `Đã có kỳ đánh giá năm ${year}; mỗi năm chỉ có một kỳ`,
            en: `There is already a cycle for ${year}`,
          },
          'year',
        );
      let row: repo.CycleRow;
      try {
        row = await db.transaction(async (tx) => {
          if (await repo.findCycleByYear(tx, year)) throw exists();
          const created = await repo.insertCycle(tx, {
            year,
            title,
            criteriaVersionId,
            ...dates,
            announcement,
            createdBy: user.id,
            createdAt: now,
            updatedAt: now,
          });
          await audit(tx, actor, now, {
            action: 'cycle.create',
            entityType: 'cycle',
            entityId: created.id,
            cycleId: created.id,
            newValue: {
              year,
              title,
              criteriaVersionId,
              guidanceBy: dates.guidanceBy.toISOString(),
              deadline: dates.deadline.toISOString(),
              publishBy: dates.publishBy.toISOString(),
            },
          });
          return created;
        });
      } catch (e) {
        if (isUniqueViolation(e, 'cycles_year_key')) throw exists();
        throw e;
      }
      return detail(user, row);
    },

    /** Edits a draft cycle (title, dates, criteria version, announcement); `version` is the one the editor read. */
    async update(actor: Actor, id: string, input: CycleInput & { version: number }) {
      const user = actor.user!;
      const parsed = {
        ...(input.guidanceBy !== undefined && {
          guidanceBy: instantOf('guidanceBy', input.guidanceBy, DATE_TEXT.guidanceBy),
        }),
        ...(input.deadline !== undefined && {
          deadline: instantOf('deadline', input.deadline, DATE_TEXT.deadline),
        }),
        ...(input.publishBy !== undefined && {
          publishBy: instantOf('publishBy', input.publishBy, DATE_TEXT.publishBy),
        }),
        ...(input.title !== undefined && { title: checkTitle(input.title) }),
        ...(input.announcement !== undefined && { announcement: checkAnnouncement(input.announcement) }),
        ...(input.criteriaVersionId !== undefined && {
          criteriaVersionId: await checkCriteriaVersion(input.criteriaVersionId),
        }),
      };
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await repo.lockCycle(tx, id);
        if (!before) throw cycleNotFound();
        if (before.state !== 'draft')
          throw wrongState(
            {
              vi: `Chỉ sửa được kỳ đánh giá khi còn ở trạng thái "Nháp" (hiện tại: "${STATE_LABELS[before.state].vi}").${
                before.state === 'open'
                  ? ' Hạn nộp của kỳ đang mở chỉ thay đổi được bằng quyết định gia hạn.'
                  : ''
              }`,
              en: `A cycle can be edited only while it is a draft (now: ${STATE_LABELS[before.state].en}).`,
            },
            { state: before.state },
          );
        if (before.version !== input.version)
          throw stale(cycleView(before, await criteriaRef(before.criteriaVersionId, tx)));
        checkDates(
          before.year,
          {
            guidanceBy: parsed.guidanceBy ?? before.guidanceBy,
            deadline: parsed.deadline ?? before.deadline,
            publishBy: parsed.publishBy ?? before.publishBy,
          },
          new Set(Object.keys(parsed)),
        );
        const show = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
        const keys = (Object.keys(parsed) as (keyof typeof parsed)[]).filter(
          (k) => show(parsed[k]) !== show(before[k]),
        );
        if (!keys.length) return before;
        const updated = await repo.updateCycle(tx, id, before.version, { ...parsed, updatedAt: now });
        if (!updated) throw stale(cycleView(before, await criteriaRef(before.criteriaVersionId, tx)));
        await audit(tx, actor, now, {
          action: 'cycle.update',
          entityType: 'cycle',
          entityId: id,
          cycleId: id,
          oldValue: Object.fromEntries(keys.map((k) => [k, show(before[k])])),
          newValue: Object.fromEntries(keys.map((k) => [k, show(parsed[k])])),
        });
        return updated;
      });
      return detail(user, row);
    },

    /** Attaches (or replaces) the guidance document or the form; only documents are accepted. */
    async attachDocument(
      actor: Actor,
      id: string,
      kind: DocumentKind,
      upload: { filename: string | undefined; bytes: Buffer },
    ) {
      const user = actor.user!;
      const current = await repo.findCycle(db, id);
      if (!current) throw cycleNotFound();
      const stateRefusal = (state: CycleState) =>
        wrongState(
          {
            vi: `Không thể thay ${DOCUMENT_TEXT[kind].vi} khi kỳ đánh giá đã ở trạng thái "${STATE_LABELS[state].vi}"`,
            en: `The ${DOCUMENT_TEXT[kind].en} cannot change once the cycle is ${STATE_LABELS[state].en}`,
          },
          { state },
        );
      if (!DOCUMENT_STATES.includes(current.state)) throw stateRefusal(current.state);
      if (!upload.bytes.length) throw invalid('file', { vi: 'Tệp rỗng', en: 'The file is empty' });
      const type = sniff(upload.bytes);
      if (!type || !ACCEPTED_DOCUMENTS.has(type.extension)) {
        const seen = type ? (SNIFFED_TEXT[type.extension] ?? type.mime) : null;
        throw new AppError(
          415,
          'unsupported_type',
          {
            vi: `Chỉ nhận ${DOCUMENT_TEXT[kind].vi} dạng văn bản PDF, Word (DOCX, DOC), Excel (XLSX) hoặc OpenDocument (ODT). ${
              seen ? `Nội dung tệp đã gửi là ${seen}` : 'Không nhận ra loại của tệp đã gửi'
            } (loại tệp được xác định theo nội dung, không theo tên tệp).`,
            en: `Only PDF, DOCX, DOC, XLSX or ODT documents are accepted; the file sent is ${type ? type.mime : 'of an unknown type'} (judged by its content, not its name).`,
          },
          'file',
        );
      }
      const sha256 = deps.files.put(upload.bytes);
      const filename = documentName(upload.filename, kind, type.extension);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await repo.lockCycle(tx, id);
        if (!before) throw cycleNotFound();
        if (!DOCUMENT_STATES.includes(before.state)) throw stateRefusal(before.state);
        const file = await repo.insertFile(tx, {
          sha256,
          size: upload.bytes.length,
          mime: type.mime,
          filename,
          uploadedBy: user.id,
          uploadedAt: now,
        });
        const column = DOCUMENT_COLUMN[kind];
        const updated = await repo.updateCycle(tx, id, before.version, { [column]: file.id, updatedAt: now });
        await audit(tx, actor, now, {
          action: 'cycle.document',
          entityType: 'cycle',
          entityId: id,
          cycleId: id,
          field: column,
          oldValue: before[column],
          newValue: { fileId: file.id, filename, mime: type.mime, size: upload.bytes.length, sha256 },
        });
        return updated!;
      });
      return detail(user, row);
    },

    /** The bytes of a document: for everyone once the cycle is open, for the administrator always. */
    async document(
      user: SessionUser,
      id: string,
      kind: DocumentKind,
    ): Promise<{ bytes: Buffer; filename: string; mime: string }> {
      const c = await visibleCycle(user, id);
      if (c.state === 'draft' && user.role !== 'admin')
        throw forbidden({
          vi: `Chỉ tải được ${DOCUMENT_TEXT[kind].vi} khi kỳ đánh giá đã mở`,
          en: `The ${DOCUMENT_TEXT[kind].en} can be downloaded once the cycle is open`,
        });
      const fileId = c[DOCUMENT_COLUMN[kind]];
      const [file] = fileId ? await repo.filesByIds(db, [fileId]) : [];
      if (!file)
        throw notFound({
          vi: `${DOCUMENT_TEXT[kind].vi} của kỳ đánh giá năm ${c.year}`,
          en: `the ${DOCUMENT_TEXT[kind].en} of ${c.year}`,
        });
      return { bytes: deps.files.get(file.sha256), filename: file.filename, mime: file.mime };
    },

    /**
     * Opens a draft cycle: freezes the roster (the units valid on the roster date) and announces
     * the cycle to every roster agency's reporters once the change is committed.
     */
    async open(actor: Actor, id: string) {
      const user = actor.user!;
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await repo.lockCycle(tx, id);
        if (!before) throw cycleNotFound();
        assertTransition(before, 'open', user, { now });
        const rosterDate = vnDateOf(before.guidanceBy);
        const units = await agenciesValidOn(tx, rosterDate);
        const { set } = await criteriaVersion(tx, before.criteriaVersionId);
        const groups = new Set(set.groups.map((g) => g.id));
        const stray = units.filter((u) => !groups.has(u.groupId));
        if (stray.length)
          throw wrongState({
            vi: `Bộ tiêu chí của kỳ không có nhóm của ${stray.length} cơ quan (${stray
              .slice(0, 5)
              .map((u) => `${u.code}: nhóm "${u.groupId}"`)
              .join(', ')}). Hãy chọn bộ tiêu chí phù hợp hoặc sửa danh sách cơ quan.`,
            en: `The cycle's criteria set has no group for ${stray.length} agencies`,
          });
        if (!units.length)
          throw wrongState({
            vi: `Không có cơ quan nào có hiệu lực vào ngày ${formatDate(rosterDate)} (ngày chốt danh sách cơ quan của kỳ)`,
            en: `No agency is valid on the roster date ${rosterDate}`,
          });
        const opened = await transitionCycle(tx, actor, before, 'open', now, { openedAt: now });
        await repo.insertRoster(
          tx,
          units.map((u) => ({ cycleId: id, agencyId: u.id, code: u.code, name: u.name, groupId: u.groupId })),
        );
        const byGroup: Record<string, number> = {};
        for (const u of units) byGroup[u.groupId] = (byGroup[u.groupId] ?? 0) + 1;
        await audit(tx, actor, now, {
          action: 'cycle.roster_frozen',
          entityType: 'cycle',
          entityId: id,
          cycleId: id,
          newValue: { rosterDate, total: units.length, byGroup, codes: units.map((u) => u.code) },
        });
        return opened;
      });
      const mail = await mailRoster(id, (agency, to) =>
        announcementMail(row, agency, to, deps.config.publicUrl),
      );
      return { cycle: await detail(user, row), mail };
    },

    /** Closes an open cycle at or after its deadline. */
    async close(actor: Actor, id: string) {
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await repo.lockCycle(tx, id);
        if (!before) throw cycleNotFound();
        return transitionCycle(tx, actor, before, 'closed', now, { closedAt: now });
      });
      return { cycle: await detail(actor.user!, row) };
    },

    /** Starts the review of a closed cycle (R10). */
    async startReview(actor: Actor, id: string) {
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await repo.lockCycle(tx, id);
        if (!before) throw cycleNotFound();
        return transitionCycle(tx, actor, before, 'under_review', now);
      });
      return { cycle: await detail(actor.user!, row) };
    },

    /**
     * Moves the deadline of the whole cycle (there is no per-agency extension): only while the
     * cycle is open and before the current deadline has passed, to a later instant before the
     * publication date, by a recorded decision with its reason.
     */
    async extendDeadline(
      actor: Actor,
      id: string,
      input: { deadline: string; reason: string; decisionRef: string },
    ) {
      const user = actor.user!;
      const deadline = instantOf('deadline', input.deadline, { vi: 'Hạn nộp mới', en: 'The new deadline' });
      const reason = requiredText('reason', input.reason, { vi: 'lý do gia hạn', en: 'The reason' });
      const decisionRef = requiredText('decisionRef', input.decisionRef, {
        vi: 'số, ký hiệu văn bản quyết định gia hạn (ví dụ "Công văn số 1234/STTTT-CNTT")',
        en: 'The decision reference',
      });
      const now = clock.now();
      const { row, old } = await db.transaction(async (tx) => {
        const before = await repo.lockCycle(tx, id);
        if (!before) throw cycleNotFound();
        if (before.state !== 'open')
          throw wrongState(
            {
              vi: `Chỉ gia hạn nộp được khi kỳ đánh giá đang nhận báo cáo (hiện tại: "${STATE_LABELS[before.state].vi}")`,
              en: `The deadline can be extended only while the cycle is open (now: ${STATE_LABELS[before.state].en})`,
            },
            { state: before.state },
          );
        if (now >= before.deadline)
          throw wrongState(
            {
              vi: `Hạn nộp (trước ${instantVn(before.deadline)}) đã qua; không thể gia hạn sau khi hết hạn. Báo cáo nộp từ thời điểm đó là nộp muộn.`,
              en: `The deadline (${instantVn(before.deadline)}) has passed; it cannot be extended afterwards.`,
            },
            { state: before.state, deadline: before.deadline.toISOString() },
          );
        if (deadline <= before.deadline)
          throw invalid('deadline', {
            vi: `Hạn nộp mới (trước ${instantVn(deadline)}) phải sau hạn hiện tại (trước ${instantVn(before.deadline)})`,
            en: 'The new deadline must be later than the current one',
          });
        if (deadline >= before.publishBy)
          throw invalid('deadline', {
            vi: `Hạn nộp mới (trước ${instantVn(deadline)}) phải trước hạn công bố kết quả (${instantVn(before.publishBy)})`,
            en: 'The new deadline must be before the publication date',
          });
        await repo.insertExtension(tx, {
          cycleId: id,
          oldDeadline: before.deadline,
          newDeadline: deadline,
          reason,
          decisionRef,
          decidedBy: user.id,
          createdAt: now,
        });
        const updated = await repo.updateCycle(tx, id, before.version, { deadline, updatedAt: now });
        await audit(tx, actor, now, {
          action: 'cycle.extend_deadline',
          entityType: 'cycle',
          entityId: id,
          cycleId: id,
          field: 'deadline',
          oldValue: before.deadline.toISOString(),
          newValue: deadline.toISOString(),
          reason: `${decisionRef}: ${reason}`,
        });
        return { row: updated!, old: before.deadline };
      });
      const mail = await mailRoster(id, (agency, to) =>
        extensionMail(row, agency, to, { oldDeadline: old, reason, decisionRef }, deps.config.publicUrl),
      );
      return { cycle: await detail(user, row), mail };
    },
  };
}
