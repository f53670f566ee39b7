import React, { useEffect, useState } from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiPagination, EuiText } from '@elastic/eui';
import { Case, CASE_LIMITS } from '../../common/case_types';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

type Kind = 'comments' | 'attachments' | 'activity';
type ItemOf<K extends Kind> = Case[K][number];

const COUNT: Record<Kind, 'commentCount' | 'attachmentCount' | 'activityCount'> = {
  comments: 'commentCount',
  attachments: 'attachmentCount',
  activity: 'activityCount',
};

/**
 * Pages of a case's comments, attachments or activity, newest page first: page 1 is what the case
 * answer carries (its newest CASE_LIMITS.firstPageItems); older pages come from
 * `GET /cases/{id}/{kind}`. Items of a page are shown oldest first, like the first.
 */
export function useCaseItemsPager<K extends Kind>(c: Case, kind: K) {
  const { api } = useAppServices();
  const perPage = CASE_LIMITS.firstPageItems;
  const total = c[COUNT[kind]] ?? c[kind].length;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const [pageIndex, setPageIndex] = useState(0);
  const [older, setOlder] = useState<{ page: number; items: Array<ItemOf<K>> } | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A changed case (a new comment) shows its newest page again.
  useEffect(() => setPageIndex(0), [c.id, total]);
  useEffect(() => {
    if (pageIndex === 0) return;
    const controller = new AbortController();
    setError(null);
    api
      .getCaseItems<ItemOf<K>>(c.id, kind, pageIndex + 1, perPage, controller.signal)
      .then((res) => setOlder({ page: pageIndex, items: [...res.items].reverse() }))
      .catch((e) => {
        if (!controller.signal.aborted) setError((e as Error).message);
      });
    return () => controller.abort();
  }, [api, c.id, kind, pageIndex, perPage]);

  const items: Array<ItemOf<K>> = pageIndex === 0 ? (c[kind] as Array<ItemOf<K>>) : older?.page === pageIndex ? older.items : [];
  const loading = pageIndex > 0 && older?.page !== pageIndex && !error;
  return { items, total, pageIndex, pageCount, setPageIndex, loading, error };
}

export function CaseItemsPagination({ pager, noun }: { pager: ReturnType<typeof useCaseItemsPager>; noun: string }) {
  if (pager.pageCount <= 1) return null;
  const perPage = CASE_LIMITS.firstPageItems;
  const newest = pager.pageIndex * perPage + 1;
  const oldest = Math.min(pager.total, (pager.pageIndex + 1) * perPage);
  return (
    <EuiFlexGroup gutterSize="s" alignItems="center" justifyContent="spaceBetween" responsive={false} data-test-subj={`casePager-${noun}`}>
      <EuiFlexItem grow={false}>
        <EuiText size="xs" color={pager.error ? 'danger' : 'subdued'}>
          {pager.error
            ? i18n.translate('siemInvestigations.cases.pager.error', { defaultMessage: 'Could not load this page: {error}', values: { error: pager.error } })
            : i18n.translate('siemInvestigations.cases.pager.range', { defaultMessage: '{noun} {newest, number}–{oldest, number} of {total, number}, newest first', values: { noun, newest, oldest, total: pager.total } })}
        </EuiText>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiPagination aria-label={i18n.translate('siemInvestigations.cases.pager.pages', { defaultMessage: '{noun} pages', values: { noun } })} pageCount={pager.pageCount} activePage={pager.pageIndex} onPageClick={pager.setPageIndex} compressed />
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
