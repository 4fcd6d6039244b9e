/**
 * Names in the UI language for the ids the treaty endpoints return (`CHN`, `TLATELOLCO-AP2`),
 * which carry no names of their own. One list request each; until it answers, or for an id it
 * does not know, the id itself stands in, so a table never waits on its labels.
 */
import { useMemo } from 'react';
import { stateName } from '../domain/model.js';
import { api } from './api-client.js';
import { useI18n } from './i18n/i18n-context.js';
import { useApi } from './use-api.js';

export type NameOf = (id: string) => string;

export function useStateNames(): NameOf {
  const { lang } = useI18n();
  const [states] = useApi('states:all', (signal) => api.states({}, signal));
  return useMemo(() => {
    const names = new Map(
      states.status === 'ok' ? states.data.map((s) => [s.id, stateName(s, lang)]) : [],
    );
    return (id: string) => names.get(id) ?? id;
  }, [states, lang]);
}

export function useInstrumentNames(): NameOf {
  const { lang } = useI18n();
  const [instruments] = useApi('instruments', (signal) => api.instruments(signal));
  return useMemo(() => {
    const names = new Map(
      instruments.status === 'ok' ? instruments.data.map((i) => [i.id, i.names[lang].short]) : [],
    );
    return (id: string) => names.get(id) ?? id;
  }, [instruments, lang]);
}
