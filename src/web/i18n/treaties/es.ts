/** Spanish strings of the treaty-participation views (terminology of the Spanish texts of the treaties). */
import type { TreatyMessages } from './en.js';

export const treatiesEs: TreatyMessages = {
  'asOf.label': 'Situación al',
  'asOf.today': 'Volver a hoy',
  'asOf.hint':
    'Calculada a partir de las firmas, ratificaciones y retiros fechados que constan, cada uno con su fuente.',

  'standing.party': 'Parte',
  'standing.consented': 'Ratificado — aún no en vigor',
  'standing.signed': 'Signatario',
  'standing.withdrawal-pending': 'Retiro pendiente',
  'standing.withdrawn': 'Retirado',
  'standing.ratification-withdrawn': 'Ratificación retirada',
  'standing.expired': 'Tratado expirado',
  'standing.not-signed': 'No signatario',
  'consent.ratification': 'ratificación',
  'consent.accession': 'adhesión',
  'consent.succession': 'sucesión',
  'consent.acceptance': 'aceptación',
  'consent.approval': 'aprobación',
  'consent.consent-to-be-bound': 'consentimiento en obligarse',

  'participation.title': 'Participación al {date}',
  'participation.none': 'No consta ninguna firma, ratificación ni retiro de este instrumento.',
  'participation.basis':
    'Calculado a partir de los {count} hechos que constan hasta esta fecha. Un Estado del que no consta ningún hecho se cuenta como no signatario.',
  'participation.legend': 'Estados por situación',

  'eif.title': 'Entrada en vigor',
  'eif.inForce': 'En vigor desde el {date}',
  'eif.computed':
    'Fecha calculada a partir de las ratificaciones que constan, según la norma de entrada en vigor.',
  'eif.recorded':
    'Fecha indicada por el depositario: las ratificaciones que constan no alcanzan el umbral de la norma.',
  'eif.notInForce': 'No está en vigor al {date}',
  'eif.count': 'Ratificaciones y adhesiones: {consents} de las {required} necesarias.',
  'eif.pending':
    'Se ha alcanzado el número necesario; el instrumento entra en vigor al cumplirse el plazo que fija su norma.',
  'eif.annex': 'Estados del anexo 2 que han ratificado: {done} de {required}.',
  'eif.missing': 'Estados del anexo 2 que aún no han ratificado ({count})',
  'eif.perState':
    'En vigor para cada Estado desde su propia ratificación; no hay una fecha única de entrada en vigor.',
  'eif.rule': 'Norma',

  'chart.map': 'Mapa',
  'chart.mapAlt':
    'Mapa mundial de la situación respecto del {instrument} al {date}, con un color por situación como en la leyenda. El cuadro siguiente ofrece la misma información.',
  'chart.timeline': 'Evolución',
  'chart.timelineAlt':
    'Gráfico del número de signatarios y partes del {instrument} a lo largo del tiempo, hasta el {date}. El cuadro siguiente ofrece las fechas.',
  'chart.failed': 'No se pudo cargar la imagen.',

  'parties.title': 'Estados de los que constan hechos',
  'parties.filter': 'Situación',
  'parties.allStandings': 'Todas las situaciones',
  'parties.none': 'Ningún Estado está en esta situación en esta fecha.',
  'col.state': 'Estado',
  'col.standing': 'Situación',
  'col.signed': 'Firma',
  'col.consented': 'Ratificación o adhesión',
  'col.inForceFrom': 'En vigor desde',
  'col.withdrawal': 'Retiro',
  'col.sources': 'Fuentes',
  'col.protocol': 'Protocolo',
  'withdrawal.notice': 'Notificación: {date}',
  'withdrawal.effective': 'Efectivo: {date}',
  'sources.show': 'Fuentes ({count})',
  'sources.withNotes': 'Fuentes y notas ({count})',
  'sources.notes': 'Notas',

  'state.treaties': 'Tratados',
  'state.noTreaties': 'No consta ninguna firma, ratificación ni retiro de este Estado.',

  'nwfz.title': 'Protocolos de los tratados sobre zonas libres de armas nucleares',
  'nwfz.link':
    'Los Estados poseedores de armas nucleares y los protocolos de los tratados sobre zonas libres de armas nucleares',
  'nwfz.intro':
    'Lo que cada uno de los cinco Estados poseedores de armas nucleares había firmado y ratificado de cada protocolo en la fecha elegida, según los hechos que constan.',
  'nwfz.caption': 'Protocolos (filas) y Estados poseedores de armas nucleares (columnas) al {date}',
  'nwfz.signed': 'Firma',
  'nwfz.ratified': 'Ratificación',
  'nwfz.neither': 'Ni firmado ni ratificado',
  'nwfz.details': 'Fuentes y notas: {protocol}, {state}',
  'nwfz.legendRatified': 'Ratificado',
  'nwfz.legendSigned': 'Firmado, no ratificado',
  'nwfz.empty': 'No consta ningún protocolo.',
};
