import { FormattedMessage } from '@osd/i18n/react';
import React from 'react';
import { EuiBadge, EuiFlexGroup, EuiFlexItem, EuiLink, EuiText, EuiTextColor } from '@elastic/eui';
import { RuleCheck, RuleCheckState } from '../../common/types';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

export interface InvestigationChecksProps {
  playbook?: { id: string; title: string };
  checks: RuleCheck[];
  /** Jumps to the evidence group of a check that found something. */
  onShowGroup?(groupId: string): void;
}

const BADGE_COLOR: Record<RuleCheckState, string> = { found: 'primary', nothing_found: 'hollow', not_run: 'default' };

function badgeText(check: RuleCheck): string {
  if (check.state === 'found') return `found ${(check.total ?? 0).toLocaleString('en-US')}${check.totalIsLowerBound ? '+' : ''}`;
  return check.state === 'nothing_found' ? 'nothing found' : 'not asked';
}

/**
 * "Why nothing?": every question of the playbook in order, whether it was asked, what came back,
 * and in the analyst's words why nothing did. Reasons can quote log values: text only.
 */
export function InvestigationChecks({ playbook, checks, onShowGroup }: InvestigationChecksProps) {
  const { sources } = useAppServices();
  const asked = checks.filter((c) => c.state !== 'not_run').length;
  const found = checks.filter((c) => c.state === 'found').length;
  return (
    <div data-test-subj="investigationChecks">
      <EuiText size="s" color="subdued">
        <p data-test-subj="playbookTitle">
          {playbook ? (
            <>
              <FormattedMessage id="siemInvestigations.investigation.checks.playbook" defaultMessage="Playbook: {title}." values={{ title: <strong>{playbook.title}</strong> }} />{' '}
            </>
          ) : null}
          {checks.length
            ? i18n.translate('siemInvestigations.investigation.checks.summary', { defaultMessage: '{asked, plural, one {# question} other {# questions}} of {total, number} asked, {found, number} with an answer.', values: { asked, total: checks.length, found } })
            : i18n.translate('siemInvestigations.investigation.checks.none', { defaultMessage: 'The server reported no checks for this investigation.' })}
        </p>
      </EuiText>
      {checks.map((c, i) => {
        const label = sources[c.source]?.label ?? c.source;
        const title = c.state === 'found' && onShowGroup ? <EuiLink onClick={() => onShowGroup(c.rule)}>{c.question}</EuiLink> : c.question;
        return (
          <EuiFlexGroup
            key={`${i}:${c.rule}`}
            gutterSize="s"
            alignItems="flexStart"
            responsive={false}
            style={{ marginTop: 8 }}
            data-test-subj="ruleCheck"
            data-rule={c.rule}
            data-state={c.state}
          >
            <EuiFlexItem grow={false} style={{ width: 110 }}>
              <div>
                <EuiBadge color={BADGE_COLOR[c.state] ?? 'default'} data-test-subj="ruleCheckState">
                  {badgeText(c)}
                </EuiBadge>
              </div>
            </EuiFlexItem>
            <EuiFlexItem>
              <EuiText size="s">
                <p style={{ marginBottom: 0 }}>
                  <strong data-test-subj="ruleCheckQuestion">{title}</strong>
                </p>
                <p style={{ marginBottom: 0 }}>
                  <small>
                    <span data-test-subj="ruleCheckSource">{label}</span> · {c.title}
                  </small>
                </p>
                {c.reason && (
                  <p style={{ marginBottom: 0 }} data-test-subj="ruleCheckReason">
                    <EuiTextColor color="subdued">{c.reason}</EuiTextColor>
                  </p>
                )}
              </EuiText>
            </EuiFlexItem>
          </EuiFlexGroup>
        );
      })}
    </div>
  );
}
