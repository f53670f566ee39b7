import React, { useState } from 'react';
import { EuiBadge, EuiSelectable, EuiSelectableOption, EuiSpacer } from '@elastic/eui';
import { CaseSummary } from '../../common/case_types';
import { STATUS_COLORS, STATUS_LABELS } from './case_labels';
import { useCaseSearch } from './use_case_search';

export interface CaseSearchSelectProps {
  /** The case picked (kept by the caller, which acts on it). */
  selected: CaseSummary | null;
  onSelect(c: CaseSummary | null): void;
  /** A case never offered (the case being merged away). */
  excludeId?: string;
  ariaLabel: string;
  placeholder: string;
  /** Shown when there is no case to offer at all, and when there is no match (unless the search failed: then its message). */
  emptyMessage: string;
  noMatchesMessage: string;
  /** `data-test-subj` prefix of the list, its search field, its options and their number badges (`<prefix>List`, `<prefix>Search`, `<prefix>Option`, `<prefix>Reference`). */
  testSubjPrefix: string;
}

/**
 * One existing case, picked from a searchable list (most recently updated first, title and number,
 * status badge): the case picker of "Add to existing case" and of "Merge into another case…".
 */
export function CaseSearchSelect({ selected, onSelect, excludeId, ariaLabel, placeholder, emptyMessage, noMatchesMessage, testSubjPrefix }: CaseSearchSelectProps) {
  const [term, setTerm] = useState('');
  const search = useCaseSearch(term);
  const options: Array<EuiSelectableOption<{ summary: CaseSummary }>> = search.cases
    .filter((c) => c.id !== excludeId)
    .map((c) => ({
      label: c.title,
      key: c.id,
      ...(c.reference ? { prepend: <EuiBadge color="hollow" data-test-subj={`${testSubjPrefix}Reference`}>{c.reference}</EuiBadge> } : {}),
      summary: c,
      checked: selected?.id === c.id ? 'on' : undefined,
      append: <EuiBadge color={STATUS_COLORS[c.status]}>{STATUS_LABELS[c.status]}</EuiBadge>,
      'data-test-subj': `${testSubjPrefix}Option`,
    }));
  return (
    <EuiSelectable<{ summary: CaseSummary }>
      aria-label={ariaLabel}
      searchable
      isPreFiltered
      singleSelection
      isLoading={search.loading}
      options={options}
      onChange={(next) => onSelect(next.find((o) => o.checked === 'on')?.summary ?? null)}
      searchProps={{ placeholder, onSearch: setTerm, onChange: (_visible, value) => setTerm(value), 'data-test-subj': `${testSubjPrefix}Search` }}
      emptyMessage={search.error ?? emptyMessage}
      noMatchesMessage={search.error ?? noMatchesMessage}
      listProps={{ bordered: true, showIcons: true }}
      data-test-subj={`${testSubjPrefix}List`}
    >
      {(list, searchField) => (
        <>
          {searchField}
          <EuiSpacer size="s" />
          {list}
        </>
      )}
    </EuiSelectable>
  );
}
