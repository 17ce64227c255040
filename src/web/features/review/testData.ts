/**
 * One agency's review page as the server sends it, small but whole, for the tests of this folder's
 * plain modules: two categories, three criteria (one reads a field another also reads), values
 * with a correction, a logic-check finding, a claim, a query, a survey, evidence. Not bundled: no
 * screen imports it.
 */
import type { FieldValue, ReviewPageData } from './reviewApi.ts';

const text = (vi: string) => ({ vi, en: vi });
const at = (day: number) => `2027-11-${String(day).padStart(2, '0')}T02:00:00Z`;
const side = (points: number) => ({ points, basis: 'formula' as const, explanation: text(`${points} điểm`) });

export function fieldValue(key: string, over: Partial<FieldValue> = {}): FieldValue {
  return {
    key,
    label: text(key),
    source: 'agency',
    type: 'integer',
    unit: null,
    min: 0,
    max: null,
    options: null,
    agencyValue: 1,
    officialValue: 1,
    corrected: false,
    history: [],
    ...over,
  };
}

export function reviewPage(): ReviewPageData {
  return {
    cycle: {
      id: 'c27',
      year: 2027,
      title: 'Năm 2027',
      state: 'under_review',
      deadline: '2027-10-31T17:00:00Z',
    },
    agency: {
      id: 'a1',
      code: 'STTTT',
      name: 'Sở Thông tin và Truyền thông',
      group: 'department',
      groupName: text('Sở'),
    },
    submission: {
      id: 's1',
      status: 'submitted',
      submittedAt: at(1),
      late: false,
      version: 3,
      attestedName: 'Nông Văn A',
      attestedTitle: 'Giám đốc',
    },
    reviewStatus: 'in_review',
    reviewStatusLabel: text('Đang thẩm định'),
    values: [
      fieldValue('total_staff', { label: text('Tổng số cán bộ') }),
      fieldValue('staff_with_computer', {
        label: text('Số cán bộ có máy tính'),
        agencyValue: 50,
        officialValue: 38,
        corrected: true,
        history: [
          {
            kind: 'correction',
            oldValue: 50,
            newValue: 38,
            restoresAgencyValue: false,
            reason: 'Theo biên bản khảo sát',
            surveyId: null,
            by: { id: 'u1', name: 'Thẩm định viên' },
            at: at(5),
          },
        ],
      }),
      fieldValue('has_lan', {
        label: text('Có mạng LAN'),
        type: 'boolean',
        agencyValue: true,
        officialValue: true,
      }),
      fieldValue('website_active', {
        label: text('Trang TTĐT hoạt động'),
        source: 'monitoring',
        type: 'boolean',
      }),
      fieldValue('apps_list', { label: text('Danh sách phần mềm'), type: 'text', agencyValue: 'Kế toán' }),
    ],
    claims: [
      {
        criterionId: '2.1',
        criterionName: text('Công khai dự án'),
        reason: 'Không có dự án',
        status: 'confirmed',
        claimedAt: at(1),
        decidedBy: { id: 'u1', name: 'Thẩm định viên' },
        decidedAt: at(6),
        decisionNote: null,
      },
    ],
    evidence: [
      {
        id: 'e1',
        criterionId: '1.1',
        surveyId: null,
        filename: 'bien-ban.pdf',
        mime: 'application/pdf',
        size: 2048,
        note: null,
        addedBy: null,
        addedAt: at(1),
      },
    ],
    queries: [
      {
        id: 'q1',
        agencyId: 'a1',
        criterionId: null,
        fieldKey: 'staff_with_computer',
        subject: 'Số máy tính',
        status: 'answered',
        createdBy: { id: 'u1', name: 'Thẩm định viên' },
        createdAt: at(3),
        closedAt: null,
        messages: [
          {
            id: 'm1',
            body: 'Xin giải thích',
            author: { id: 'u1', name: 'Thẩm định viên', role: 'assessor' },
            file: null,
            createdAt: at(3),
          },
          {
            id: 'm2',
            body: 'Đã gửi biên bản',
            author: { id: 'u2', name: 'Văn thư', role: 'reporter' },
            file: null,
            createdAt: at(4),
          },
        ],
      },
    ],
    surveys: [
      {
        id: 'sv1',
        surveyDate: '2027-11-04',
        team: 'Tổ khảo sát',
        findings: 'Đếm được 38 máy',
        createdBy: null,
        createdAt: at(4),
        evidence: [],
      },
    ],
    websiteChecks: [],
    findings: [
      {
        ruleId: 'V01',
        severity: 'error',
        message: text('Số cán bộ có máy tính vượt tổng số'),
        fields: ['staff_with_computer', 'total_staff'],
      },
    ],
    comparison: {
      self: {
        total: 9.5,
        classId: 'kha',
        classLabel: text('Khá'),
        categories: [
          { id: '1', name: text('Hạ tầng'), points: 8.5, max: 20 },
          { id: '2', name: text('Ứng dụng'), points: 1, max: 25 },
        ],
      },
      official: {
        total: 8.25,
        classId: 'trung_binh',
        classLabel: text('Trung bình'),
        categories: [
          { id: '1', name: text('Hạ tầng'), points: 7.25, max: 20 },
          { id: '2', name: text('Ứng dụng'), points: 1, max: 25 },
        ],
      },
      difference: -1.25,
      criteria: [
        {
          id: '1.1',
          name: text('Tỷ lệ cán bộ có máy tính'),
          categoryId: '1',
          max: 5,
          fields: ['total_staff', 'staff_with_computer'],
          self: side(5),
          official: side(3.75),
          difference: -1.25,
          reasons: [
            { kind: 'correction', fieldKey: 'staff_with_computer', text: text('Điều chỉnh 50 → 38') },
          ],
        },
        {
          id: '1.3',
          name: text('Mạng LAN'),
          categoryId: '1',
          max: 3.5,
          fields: ['has_lan', 'total_staff'],
          self: side(3.5),
          official: side(3.5),
          difference: 0,
          // A mark that changed nothing is still worth a look.
          reasons: [{ kind: 'reviewer_mark', fieldKey: 'has_lan', text: text('Thẩm định viên đã kiểm tra') }],
        },
        {
          id: '2.1',
          name: text('Công khai dự án'),
          categoryId: '2',
          max: 1,
          fields: [],
          self: side(1),
          official: side(1),
          difference: 0,
          reasons: [],
        },
      ],
    },
  };
}
