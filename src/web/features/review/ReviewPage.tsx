/**
 * One agency's review (R10, R12, R16, R17): self-assessed against official points per criterion
 * with every difference explained, the values with corrections and their reasons, the logic-check
 * findings, N/A decisions, queries, field surveys, evidence and website checks. Built for a long day
 * of reviewing: a sticky summary, next/previous agency, keyboard shortcuts, and what changed since
 * the last visit marked "Mới".
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { byVietnamese } from '../../format.ts';
import { t } from '../../i18n/messages.ts';
import { Link, navigate } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { m as wm } from '../workbooks/messages.ts';
import { WorkbookButtons } from '../workbooks/WorkbookButtons.tsx';
import { reviewAccess } from './access.ts';
import { type AgencyRef, neighbours, rememberedOrder } from './agencyOrder.ts';
import { ChangesNote } from './ChangesNote.tsx';
import { ClaimsSection } from './ClaimsSection.tsx';
import { ComparisonSection } from './ComparisonSection.tsx';
import type { ReviewContext } from './context.ts';
import { EvidenceSection } from './EvidenceSection.tsx';
import { FindingsSection } from './FindingsSection.tsx';
import { isNewSince, lastVisit, recordVisit, type Visit } from './lastVisit.ts';
import { m } from './messages.ts';
import { QueriesSection } from './QueriesSection.tsx';
import { reviewApi } from './reviewApi.ts';
import { SummaryBar } from './SummaryBar.tsx';
import { SurveysSection } from './SurveysSection.tsx';
import { ValuesSection } from './ValuesSection.tsx';
import { WebsiteChecksSection } from './WebsiteChecksSection.tsx';
import './review.css';

const SECTIONS = [
  ['so-sanh', 'sec.compare'],
  ['kiem-tra', 'sec.findings'],
  ['so-lieu', 'sec.values'],
  ['khong-ap-dung', 'sec.claims'],
  ['cau-hoi', 'sec.queries'],
  ['khao-sat', 'sec.surveys'],
  ['minh-chung', 'sec.evidence'],
  ['trang-ttdt', 'sec.website'],
] as const;

export default function ReviewPage({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const agencyId = params.agencyId!;
  const client = useQueryClient();
  const queryKey = useMemo(() => ['review', cycleId, agencyId], [cycleId, agencyId]);
  const page = useQuery({ queryKey, queryFn: () => reviewApi.page(cycleId, agencyId) });
  // The board's order when the assessor came from it; otherwise every agency by name.
  const list = useQuery({
    queryKey: ['progress', cycleId],
    queryFn: () => reviewApi.board(cycleId),
    enabled: rememberedOrder(cycleId) === null,
  });
  const order: AgencyRef[] = useMemo(
    () =>
      rememberedOrder(cycleId) ??
      (list.data?.agencies ?? [])
        .map((a) => ({ id: a.agencyId, name: a.name }))
        .sort((a, b) => byVietnamese(a.name, b.name)),
    [cycleId, list.data],
  );
  const { prev, next } = neighbours(order, agencyId);

  // The last visit is read once per agency, before this visit is recorded.
  const [seen, setSeen] = useState<{ agencyId: string; visit: Visit | null } | null>(null);
  useEffect(() => {
    setSeen({ agencyId, visit: lastVisit(cycleId, agencyId) });
  }, [cycleId, agencyId]);
  useEffect(() => {
    if (page.data && seen?.agencyId === agencyId) recordVisit(cycleId, agencyId, page.data);
  }, [page.data, seen, cycleId, agencyId]);
  const visit = seen?.agencyId === agencyId ? seen.visit : null;

  const [askField, setAskField] = useState<{ key: string; n: number } | null>(null);
  const refresh = useCallback(() => client.invalidateQueries({ queryKey }), [client, queryKey]);
  const boardLink = `/ky/${cycleId}/tien-do`;

  useShortcuts(
    useCallback(
      (key: string) => {
        if (key === '[' && prev) navigate(`/ky/${cycleId}/tham-dinh/${prev.id}`);
        else if (key === ']' && next) navigate(`/ky/${cycleId}/tham-dinh/${next.id}`);
        else if (/^[1-9]$/.test(key)) {
          const target = SECTIONS[Number(key) - 1];
          const el = target && document.getElementById(target[0]);
          if (el) {
            el.scrollIntoView({ block: 'start' });
            el.focus({ preventScroll: true });
          }
        }
      },
      [prev, next, cycleId],
    ),
  );

  const crumbs = [
    { label: m('board.crumbHome'), to: '/' },
    { label: m('page.board'), to: boardLink },
  ];
  if (page.isPending) return <Loading label={m('page.loading')} />;
  if (page.isError)
    return (
      <>
        <PageHeader title={t('app.loadFailed')} crumbs={crumbs} />
        <LoadError error={page.error} onRetry={() => void page.refetch()} />
      </>
    );

  const data = page.data;
  const { staff, submitted, canEdit, canQuery, canCheckWebsite } = reviewAccess(user.role, data);
  const ctx: ReviewContext = {
    cycleId,
    agencyId,
    data,
    canEdit,
    canQuery,
    canCheckWebsite,
    isNew: isNewSince(visit),
    refresh,
    askAbout: (key) => {
      setAskField((a) => ({ key, n: (a?.n ?? 0) + 1 }));
      document.getElementById('cau-hoi-moi')?.scrollIntoView({ block: 'start' });
    },
  };

  return (
    <div className="review-page">
      <PageHeader
        title={`${data.agency.name} (${data.agency.code})`}
        crumbs={crumbs}
        intro={
          <>
            <Typography.Paragraph>
              {data.cycle.title} · {data.agency.groupName.vi}
            </Typography.Paragraph>
            <Typography.Paragraph className="review-muted review-shortcuts">
              {m('page.shortcuts')}
            </Typography.Paragraph>
          </>
        }
      />
      <nav aria-label={m('page.agencyNav')} className="review-prevnext">
        {prev ? (
          <Link to={`/ky/${cycleId}/tham-dinh/${prev.id}`} rel="prev">
            {m('page.prev', { name: prev.name })}
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link to={`/ky/${cycleId}/tham-dinh/${next.id}`} rel="next">
            {m('page.next', { name: next.name })}
          </Link>
        )}
      </nav>

      {!staff && <Alert type="info" showIcon className="review-block" title={m('page.readOnly')} />}
      {staff && submitted && !ctx.canEdit && (
        <Alert
          type="info"
          showIcon
          className="review-block"
          title={m('page.locked', { state: t(`state.${data.cycle.state}`) })}
        />
      )}
      {!submitted && (
        <Alert type="warning" showIcon className="review-block" title={m('page.noSubmission')} />
      )}
      <ChangesNote ctx={ctx} seen={visit?.at ?? null} />
      {staff && (
        <WorkbookButtons
          cycleId={cycleId}
          agencyId={agencyId}
          canUpload={
            submitted
              ? data.cycle.state === 'closed' || data.cycle.state === 'under_review'
              : data.cycle.state === 'open'
          }
          uploadLabel={submitted ? wm('wb.uploadCorrect') : wm('wb.uploadFor')}
          onSaved={refresh}
        />
      )}

      <SummaryBar data={data} />

      <nav aria-label={m('page.sections')} className="review-sections-nav">
        <ol>
          {SECTIONS.map(([id, key], i) => (
            <li key={id}>
              <a href={`#${id}`}>
                <span aria-hidden="true" className="review-key">
                  {i + 1}
                </span>{' '}
                {m(key)}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <ComparisonSection id="so-sanh" ctx={ctx} />
      <FindingsSection id="kiem-tra" ctx={ctx} />
      <ValuesSection id="so-lieu" ctx={ctx} />
      <ClaimsSection id="khong-ap-dung" ctx={ctx} />
      <QueriesSection id="cau-hoi" ctx={ctx} askField={askField} />
      <SurveysSection id="khao-sat" ctx={ctx} />
      <EvidenceSection id="minh-chung" ctx={ctx} />
      <WebsiteChecksSection id="trang-ttdt" ctx={ctx} />
    </div>
  );
}

/** Single-key shortcuts, ignored while the user types in a field or holds a modifier. */
function useShortcuts(handler: (key: string) => void) {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, textarea, select, [contenteditable="true"], .ant-select, .ant-modal')) return;
      ref.current(e.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
