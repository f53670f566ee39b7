import React, { useState } from 'react';
import { EuiBadge, EuiFilterButton, EuiFilterGroup, EuiLink, EuiSpacer, EuiText, EuiTextColor } from '@elastic/eui';
import { DocRef, SourceId, SOURCE_IDS, TimelineEvent } from '../../common/types';
import { formatNumber, formatTime } from '../shared/format';
import { SOURCE_COLORS } from '../shared/palette';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

export interface InvestigationTimelineProps {
  /** Ascending, as the server sends them. */
  events: TimelineEvent[];
  onInspect(ref: DocRef): void;
}

const OUTCOME_COLORS: Record<string, string> = { success: 'success', failure: 'danger' };

/** The key events of every source on one ascending time line; repeated events are one entry with a count. */
export function InvestigationTimeline({ events, onInspect }: InvestigationTimelineProps) {
  const { sources } = useAppServices();
  const present = SOURCE_IDS.filter((s) => events.some((e) => e.source === s));
  const [hidden, setHidden] = useState<SourceId[]>([]);
  const shown = events.filter((e) => !hidden.includes(e.source));
  let lastDay = '';
  return (
    <div data-test-subj="timeline">
      <EuiFilterGroup aria-label={i18n.translate('siemInvestigations.investigation.investigationTimeline.sourcesOnTheTimeline', { defaultMessage: 'Sources on the timeline' })}>
        {present.map((s) => {
          const on = !hidden.includes(s);
          return (
            <EuiFilterButton
              key={s}
              hasActiveFilters={on}
              aria-pressed={on}
              numFilters={events.filter((e) => e.source === s).length}
              onClick={() => setHidden(on ? [...hidden, s] : hidden.filter((h) => h !== s))}
              data-test-subj={`timelineSource-${s}`}
            >
              {sources[s].label}
            </EuiFilterButton>
          );
        })}
      </EuiFilterGroup>
      <EuiSpacer size="s" />
      {shown.length === 0 ? (
        <EuiText size="s" color="subdued">
          <p>{i18n.translate('siemInvestigations.investigation.investigationTimeline.noEventsToShow', { defaultMessage: 'No events to show.' })}</p>
        </EuiText>
      ) : (
        // A scroll box: focusable, so the keyboard can scroll it (WCAG 2.1.1).
        <ol style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 520, overflowY: 'auto' }} tabIndex={0} aria-label={i18n.translate('siemInvestigations.timeline.listLabel', { defaultMessage: 'Timeline events' })} data-test-subj="timelineList">
          {shown.map((e, i) => {
            const day = e.timestamp.slice(0, 10);
            const dayHeader = day !== lastDay;
            lastDay = day;
            const count = e.count ?? 1;
            return (
              <li key={`${e.ref.index}/${e.ref.id}/${i}`}>
                {dayHeader && (
                  <EuiText size="xs" color="subdued" style={{ margin: '8px 0 4px' }}>
                    <strong>{day}</strong> UTC
                  </EuiText>
                )}
                <div
                  data-test-subj="timelineEvent"
                  data-source={e.source}
                  data-action={e.action}
                  data-doc-id={e.ref.id}
                  data-timestamp={e.timestamp}
                  style={{ display: 'flex', gap: 12, alignItems: 'baseline', padding: '4px 0 4px 10px', borderLeft: `3px solid ${SOURCE_COLORS[e.source]}` }}
                >
                  <span style={{ fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' }}>{formatTime(e.timestamp).slice(11)}</span>
                  <EuiTextColor color="subdued" style={{ width: 92, flexShrink: 0, fontSize: 12 }}>
                    {sources[e.source].label}
                  </EuiTextColor>
                  <EuiText size="s" style={{ flex: 1, minWidth: 0 }}>
                    <EuiLink onClick={() => onInspect(e.ref)} data-test-subj="timelineAction">
                      <strong>{e.action}</strong>
                    </EuiLink>{' '}
                    <span style={{ overflowWrap: 'anywhere' }} data-test-subj="timelineSummary">
                      {e.summary.startsWith(`${e.action} `) ? e.summary.slice(e.action.length + 1) : e.summary}
                    </span>
                  </EuiText>
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {count > 1 && (
                      <EuiBadge
                        color="warning"
                        data-test-subj="timelineCount"
                        title={e.partial ? i18n.translate('siemInvestigations.investigation.timeline.partial', { defaultMessage: 'At least this many: the evidence group has more hits than the investigation reads' }) : undefined}
                      >
                        {e.partial ? '≥' : '×'}
                        {formatNumber(count)}
                        {e.lastTimestamp ? i18n.translate('siemInvestigations.investigation.timeline.until', { defaultMessage: ' until {time}', values: { time: e.lastTimestamp.slice(0, 10) === day ? formatTime(e.lastTimestamp).slice(11) : formatTime(e.lastTimestamp) } }) : ''}
                      </EuiBadge>
                    )}
                    {e.outcome && <EuiBadge color={OUTCOME_COLORS[e.outcome] ?? 'default'}>{e.outcome}</EuiBadge>}
                  </span>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
