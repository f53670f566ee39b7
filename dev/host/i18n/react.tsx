/**
 * `@osd/i18n/react` outside OSD (packages/osd-i18n/src/react: react-intl's components over the
 * engine's locale, messages and formats). `I18nProvider` gives its subtree the current locale
 * and translation; `FormattedMessage` renders `id` from it, else `defaultMessage`, and — as
 * react-intl — needs a provider above it (it throws without one, so an app that forgets to wrap
 * itself fails in tests, not in OSD). Values may be React elements (links, bold text): they are
 * put in as elements, never as markup. `FormattedNumber`/`FormattedDate`/`FormattedTime` format
 * with `Intl` in the provider's locale.
 */
import React, { createContext, ReactNode, useContext } from 'react';
import { getDefaultLocale, getLocale, getMessageFormat, getTranslation } from './core';

interface IntlContextValue {
  locale: string;
  defaultLocale: string;
  messages: Record<string, string>;
}

const IntlContext = createContext<IntlContextValue | null>(null);

function useIntl(component: string): IntlContextValue {
  const intl = useContext(IntlContext);
  if (!intl) throw new Error(`[React Intl] Could not find required \`intl\` object. <IntlProvider> needs to exist in the component ancestry. (${component})`);
  return intl;
}

export function I18nProvider({ children }: { children?: ReactNode }) {
  const value: IntlContextValue = { locale: getLocale(), defaultLocale: getDefaultLocale(), messages: getTranslation().messages ?? {} };
  return <IntlContext.Provider value={value}>{children}</IntlContext.Provider>;
}

export interface FormattedMessageProps {
  id: string;
  defaultMessage: string;
  description?: string;
  values?: Record<string, ReactNode | Date>;
}

export function FormattedMessage({ id, defaultMessage, values }: FormattedMessageProps) {
  const intl = useIntl('FormattedMessage');
  const translated = intl.messages[id];
  const [message, locale] = translated ? [translated, intl.locale] : [defaultMessage, intl.defaultLocale];
  let out: unknown;
  try {
    out = getMessageFormat(message, locale).format(values as Record<string, any>);
  } catch (e) {
    throw new Error(`[I18n] Error formatting message: "${id}" for locale: "${locale}".\n${e}`);
  }
  if (!Array.isArray(out)) return <>{out as ReactNode}</>;
  return (
    <>
      {out.map((part, i) => (
        <React.Fragment key={i}>{part as ReactNode}</React.Fragment>
      ))}
    </>
  );
}

export function FormattedNumber({ value, ...options }: { value: number } & Intl.NumberFormatOptions) {
  const { locale } = useIntl('FormattedNumber');
  return <>{new Intl.NumberFormat(locale, options).format(value)}</>;
}

export function FormattedDate({ value, ...options }: { value: Date | number | string } & Intl.DateTimeFormatOptions) {
  const { locale } = useIntl('FormattedDate');
  return <>{new Intl.DateTimeFormat(locale, options).format(new Date(value))}</>;
}

export function FormattedTime({ value, ...options }: { value: Date | number | string } & Intl.DateTimeFormatOptions) {
  const { locale } = useIntl('FormattedTime');
  return <>{new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: 'numeric', ...options }).format(new Date(value))}</>;
}
