import React from 'react';
import { copyToClipboard, EuiBadge, EuiFlexGroup, EuiFlexItem, EuiIcon, EuiText, EuiToolTip } from '@elastic/eui';
import { Entity, ENTITY_TYPES } from '../../common/types';
import { entityKey, FocusedEntity } from './entity_match';
import { entityIcon, entityLabel } from '../shared/palette';
import { useAppServices } from '../services/app_services';
import { i18n } from '@osd/i18n';

export interface EntityChipsProps {
  entities: Entity[];
  focused: FocusedEntity | null;
  onFocus(entity: FocusedEntity | null): void;
}

/** The finding's and the evidence's entities by type; a chip focuses (filters) or copies its value. */
export function EntityChips({ entities, focused, onFocus }: EntityChipsProps) {
  const { core } = useAppServices();
  const focusedKey = focused ? entityKey(focused) : null;
  // Known types in their usual order, then any type this browser does not know yet (a newer server).
  const types = [...ENTITY_TYPES, ...new Set(entities.map((e) => e.type).filter((t) => !ENTITY_TYPES.includes(t)))];
  const rows = types.map((type) => ({ type, items: entities.filter((e) => e.type === type) })).filter((r) => r.items.length);
  if (!rows.length) {
    return (
      <EuiText size="s" color="subdued">
        {i18n.translate('siemInvestigations.investigation.entityChips.noEntitiesCouldBe', { defaultMessage: 'No entities could be extracted from this finding.' })}</EuiText>
    );
  }
  return (
    <div data-test-subj="entityChips">
      {rows.map(({ type, items }) => (
        <EuiFlexGroup key={type} gutterSize="s" alignItems="flexStart" responsive={false} style={{ marginBottom: 6 }}>
          <EuiFlexItem grow={false} style={{ width: 104, paddingTop: 2 }}>
            <EuiText size="xs" color="subdued">
              <EuiIcon type={entityIcon(type)} size="s" /> {entityLabel(type)}
            </EuiText>
          </EuiFlexItem>
          <EuiFlexItem>
            <div>
              {items.map((e) => {
                const key = entityKey(e);
                const on = key === focusedKey;
                // Why it is here: the rules that found it, and a document that names it.
                const where = e.sources.map((s) => (e.refs?.[s] ? `${s} (document ${e.refs[s].id})` : s)).join(', ');
                return (
                  <EuiToolTip key={key} content={on ? i18n.translate('siemInvestigations.investigation.entities.clearFocus', { defaultMessage: 'Clear the focus · from {where}', values: { where } }) : i18n.translate('siemInvestigations.investigation.entities.focus', { defaultMessage: 'Show only evidence that mentions it · from {where}', values: { where } })} position="top">
                    <EuiBadge
                      color={on ? 'primary' : 'hollow'}
                      style={{ marginRight: 4, marginBottom: 4, maxWidth: 280 }}
                      data-test-subj="entityChip"
                      data-entity-type={e.type}
                      onClick={() => onFocus(on ? null : { type: e.type, value: e.value })}
                      onClickAriaLabel={i18n.translate('siemInvestigations.investigation.entities.focusOn', { defaultMessage: 'Focus on {type} {value}', values: { type: entityLabel(e.type), value: e.value } })}
                      iconType="copyClipboard"
                      iconSide="right"
                      iconOnClick={() => {
                        copyToClipboard(e.value);
                        core.notifications.toasts.addSuccess({ title: i18n.translate('siemInvestigations.investigation.entities.copied', { defaultMessage: 'Copied {type}', values: { type: entityLabel(e.type).toLowerCase() } }), text: e.value, toastLifeTimeMs: 3000 });
                      }}
                      iconOnClickAriaLabel={i18n.translate('siemInvestigations.investigation.entities.copyValue', { defaultMessage: 'Copy {value}', values: { value: e.value } })}
                    >
                      {e.value}
                      {e.role === 'remote' ? i18n.translate('siemInvestigations.investigation.entities.remote', { defaultMessage: ' (remote)' }) : ''}
                    </EuiBadge>
                  </EuiToolTip>
                );
              })}
            </div>
          </EuiFlexItem>
        </EuiFlexGroup>
      ))}
    </div>
  );
}
