import React, { useMemo } from 'react';
import { EuiComboBox, EuiScreenReaderOnly, htmlIdGenerator } from '@elastic/eui';
import { i18n } from '@osd/i18n';

export interface NameListInputProps {
  /** What the names are, for screen readers and the placeholder ("tags", "assignees"). */
  noun: string;
  values: string[];
  /** Names worth offering (e.g. those already in use); any other name may be typed. */
  suggestions?: string[];
  maxLength?: number;
  isDisabled?: boolean;
  compressed?: boolean;
  onChange(next: string[]): void;
  'data-test-subj'?: string;
}

/** Free-text names (tags, assignees) as OUI pills: type a name and press Enter. */
export function NameListInput({ noun, values, suggestions = [], maxLength, isDisabled, compressed, onChange, 'data-test-subj': testSubj }: NameListInputProps) {
  const options = [...new Set([...suggestions, ...values])].map((label) => ({ label }));
  // OUI's combo box puts `aria-label` on its wrapper, not on the text field: a label names the field.
  const id = useMemo(() => htmlIdGenerator('siemNameList')(), []);
  return (
    <>
    <EuiScreenReaderOnly>
      <label htmlFor={id}>{noun}</label>
    </EuiScreenReaderOnly>
    <EuiComboBox
      id={id}
      aria-label={noun}
      placeholder={i18n.translate('siemInvestigations.cases.nameList.placeholder', { defaultMessage: 'Add {noun}', values: { noun } })}
      fullWidth
      compressed={compressed}
      isDisabled={isDisabled}
      options={options}
      noSuggestions={suggestions.length === 0}
      selectedOptions={values.map((label) => ({ label }))}
      onChange={(selected) => onChange(selected.map((o) => o.label))}
      onCreateOption={(name) => {
        const value = name.trim().slice(0, maxLength);
        if (value && !values.includes(value)) onChange([...values, value]);
      }}
      data-test-subj={testSubj}
    />
    </>
  );
}
